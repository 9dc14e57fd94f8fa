using System.Diagnostics;
using System.Management.Automation;
using JiraDeactivate.Core.Csv;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Reads the users of an Atlassian Administration "Export users" CSV.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CsvExport", DefaultParameterSetName = PathSet)]
[OutputType(typeof(JiraUserActivity))]
public sealed class ImportCsvExportCommand : JiraCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const int ProgressCheckEvery = 4096;
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The export files; wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>The export files, taken exactly as written (no wildcards); binds to PSPath from Get-ChildItem.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    protected override void ProcessRecord()
    {
        foreach (string file in ResolveFiles())
        {
            ImportFile(file);
        }
    }

    private List<string> ResolveFiles()
    {
        var files = new List<string>();
        bool literal = ParameterSetName == LiteralPathSet;
        foreach (string path in literal ? LiteralPath : Path)
        {
            try
            {
                if (literal)
                {
                    files.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
                }
                else
                {
                    files.AddRange(GetResolvedProviderPathFromPSPath(path, out var provider)
                        .Where(_ => provider.Name == "FileSystem"));
                }
            }
            catch (ItemNotFoundException e)
            {
                WriteError(Error($"Cannot find the export '{path}': it does not exist.", "UserExportNotFound", ErrorCategory.ObjectNotFound, path, e));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or ProviderNotFoundException or System.Management.Automation.DriveNotFoundException or PSInvalidOperationException)
            {
                WriteError(Error($"'{path}' is not a file path: {e.Message}", "UserExportPathInvalid", ErrorCategory.InvalidArgument, path, e));
            }
        }

        return files;
    }

    private void ImportFile(string file)
    {
        FileStream stream;
        try
        {
            if (Directory.Exists(file))
            {
                WriteError(Error($"'{file}' is a folder, not an export file.", "UserExportIsFolder", ErrorCategory.InvalidArgument, file));
                return;
            }

            stream = UserExportReader.OpenFile(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            WriteError(Error($"Cannot find the export '{file}': it does not exist.", "UserExportNotFound", ErrorCategory.ObjectNotFound, file, e));
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(Error($"Cannot open the export '{file}': {e.Message}", "UserExportUnreadable", ErrorCategory.ReadError, file, e));
            return;
        }

        using (stream)
        {
            WriteVerbose($"Reading users from '{file}' ({stream.Length:N0} bytes).");
            var progress = new ProgressRecord(1, "Import-CsvExport", $"Reading {System.IO.Path.GetFileName(file)}");
            var clock = Stopwatch.StartNew();
            long records = 0;
            try
            {
                foreach (var record in UserExportReader.Read(stream, file, CancellationToken))
                {
                    if (record.User is { } user)
                    {
                        WriteObject(user);
                    }
                    else if (record.Issue is { } issue)
                    {
                        WriteIssue(issue);
                    }

                    if (++records % ProgressCheckEvery == 0 && clock.Elapsed > s_progressInterval)
                    {
                        progress.PercentComplete = stream.Length == 0 ? 0 : (int)Math.Min(99, 100 * stream.Position / stream.Length);
                        progress.StatusDescription = $"{records:N0} users read";
                        WriteProgress(progress);
                        clock.Restart();
                    }
                }
            }
            catch (UserExportFormatException e)
            {
                ThrowTerminatingError(Error(e.Message, "NotAUserExport", ErrorCategory.InvalidData, file, e,
                    "Export the users from Atlassian Administration (Directory > Users > Export users) and pass that file."));
            }
            catch (IOException e)
            {
                WriteError(Error($"Reading '{file}' failed: {e.Message}", "UserExportUnreadable", ErrorCategory.ReadError, file, e));
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }
    }

    private void WriteIssue(ExportIssue issue)
    {
        switch (issue.Kind)
        {
            case ExportIssueKind.EmptyFile:
            case ExportIssueKind.UserRowsSplit:
                WriteWarning(issue.Message);
                break;
            default:
                WriteError(Error(issue.Message, issue.Kind == ExportIssueKind.MalformedRow ? "UserExportRowMalformed" : "UserExportValueInvalid",
                    ErrorCategory.InvalidData, issue));
                break;
        }
    }
}
