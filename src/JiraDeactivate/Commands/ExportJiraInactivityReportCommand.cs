using System.Management.Automation;
using JiraDeactivate.Core.Reports;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Writes a report of inactive users, seats and the results of removals, restores and suspensions: a self-contained HTML page, or Markdown.</para>
/// </summary>
[Cmdlet(VerbsData.Export, "JiraInactivityReport", SupportsShouldProcess = true, HelpUri = HelpPages.Root + "Export-JiraInactivityReport.md")]
[OutputType(typeof(FileInfo))]
public sealed class ExportJiraInactivityReportCommand : JiraCmdlet
{
    private InactivityReport? _report;

    /// <summary>The file to write; .md or .markdown writes Markdown unless -Format says otherwise.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Inactive users (Get-InactiveJiraUser), seat counts (Get-JiraProductLicense) and results (Remove-JiraProductAccess, Restore-JiraProductAccess, Suspend-JiraUser, Resume-JiraUser).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>The report's title.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = ReportOptions.DefaultTitle;

    /// <summary>The price of one seat per month: the report then shows the cost of the seats at stake and freed, a month and a year.</summary>
    [Parameter]
    [ValidateRange(0, 1_000_000)]
    public decimal PricePerSeat { get; set; }

    /// <summary>The currency shown with costs. Default USD.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Currency { get; set; } = "USD";

    /// <summary>Html or Markdown; default from the file's extension (.md, .markdown: Markdown; otherwise Html).</summary>
    /// <remarks>A string, not the core's enum: a parameter of a core type would load the core at Import-Module.</remarks>
    [Parameter]
    [ValidateSet(nameof(ReportFormat.Html), nameof(ReportFormat.Markdown))]
    public string? Format { get; set; }

    /// <summary>Markdown: how many users the table lists (the longest inactive first). Default 50.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Top { get; set; } = 50;

    /// <summary>A folder that keeps a small summary of each run (created when missing): the report draws the runs' inactive and freed seats over time.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? History { get; set; }

    /// <summary>Do not overwrite an existing file.</summary>
    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Overwrite a read-only file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Write the report's file (FileInfo) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing() => _report = new InactivityReport(new ReportOptions
    {
        Title = Title,
        PricePerSeat = MyInvocation.BoundParameters.ContainsKey(nameof(PricePerSeat)) ? PricePerSeat : null,
        Currency = Currency,
        MarkdownRows = Top,
        Trend = History is not null,
    });

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        if (ReportInput.TryAdd(_report!, InputObject) is { } why)
        {
            WriteError(Error($"The report takes inactive users, product licenses and the results of removals, restores and suspensions; this {InputObject.BaseObject.GetType().Name} is not in it: {why}.",
                "ReportInputNotRecognized", ErrorCategory.InvalidType, InputObject));
        }
    }

    protected override void EndProcessing()
    {
        string file = ResolveFile();
        var format = Format is { } named ? Enum.Parse<ReportFormat>(named, ignoreCase: true) : ReportFile.FormatFor(file);
        string? history = History is null ? null : ResolvePath(History);
        if (!ShouldProcess(file, $"Write the {format} inactivity report"))
        {
            return;
        }

        if (history is not null)
        {
            _report!.History.AddRange(ReportHistory.Load(history, WriteWarning));
        }

        try
        {
            if (Force && File.Exists(file) && File.GetAttributes(file).HasFlag(FileAttributes.ReadOnly))
            {
                File.SetAttributes(file, File.GetAttributes(file) & ~FileAttributes.ReadOnly);
            }

            using (var stream = new FileStream(file, NoClobber ? FileMode.CreateNew : FileMode.Create, FileAccess.Write, FileShare.None))
            {
                ReportFile.Write(_report!, format, stream);
            }

            WriteVerbose($"Wrote the report of {_report!.Users.Count:N0} users, {_report.Licenses.Count} seat counts and {_report.Results.Count:N0} results to '{file}'.");
        }
        catch (IOException e) when (NoClobber && File.Exists(file))
        {
            ThrowTerminatingError(Error($"The file '{file}' already exists and -NoClobber was given.", "ReportFileExists", ErrorCategory.ResourceExists, file, e));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(Error($"Cannot write the report to '{file}': {e.Message}", "ReportNotWritable", ErrorCategory.WriteError, file, e,
                File.Exists(file) && !Force ? "Use -Force to overwrite a read-only file." : null));
        }

        if (history is not null)
        {
            SaveHistory(history);
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(file));
        }
    }

    private void SaveHistory(string folder)
    {
        try
        {
            WriteVerbose($"Kept this run's summary in '{ReportHistory.Save(folder, ReportSnapshot.Of(_report!))}'.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(Error($"The report was written, but this run's summary could not be kept in the history folder '{folder}': {e.Message}",
                "ReportHistoryNotWritable", ErrorCategory.WriteError, folder, e));
        }
    }

    private string ResolvePath(string path)
    {
        try
        {
            return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or PSInvalidOperationException)
        {
            ThrowTerminatingError(Error($"'{path}' is not a file path: {e.Message}", "ReportPathInvalid", ErrorCategory.InvalidArgument, path, e));
            throw;
        }
    }

    private string ResolveFile()
    {
        string file = ResolvePath(Path);

        if (Directory.Exists(file))
        {
            ThrowTerminatingError(Error($"'{file}' is a folder; give the report's file name.", "ReportPathIsFolder", ErrorCategory.InvalidArgument, file));
        }

        if (System.IO.Path.GetDirectoryName(file) is { Length: > 0 } folder && !Directory.Exists(folder))
        {
            ThrowTerminatingError(Error($"Cannot write the report to '{file}': the folder '{folder}' does not exist.", "ReportFolderNotFound", ErrorCategory.ObjectNotFound, file));
        }

        return file;
    }
}
