using System.Management.Automation;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate.Commands;

/// <summary>
/// <para type="synopsis">Reads the users of an Atlassian Administration "Export users" CSV.</para>
/// </summary>
[Cmdlet(VerbsData.Import, "CsvExport", DefaultParameterSetName = PathSet, HelpUri = HelpPages.Root + "Import-CsvExport.md")]
[OutputType(typeof(JiraUserActivity))]
public sealed class ImportCsvExportCommand : ExportReadingCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

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
        foreach (string file in ResolveExportPaths(ParameterSetName == LiteralPathSet ? LiteralPath : Path, ParameterSetName == LiteralPathSet))
        {
            ReadExport(file, "Import-CsvExport", WriteObject);
        }
    }
}
