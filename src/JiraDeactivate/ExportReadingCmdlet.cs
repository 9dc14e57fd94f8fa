using System.Diagnostics;
using System.Management.Automation;
using JiraDeactivate.Core.Csv;
using JiraDeactivate.Core.Products;
using JiraDeactivate.Core.Users;

namespace JiraDeactivate;

/// <summary>
/// Base of the cmdlets that read "Export users" files (Import-CsvExport, Get-InactiveJiraUser -Path): resolving
/// paths, opening files (FIFOs and pipes too), progress, and the same ErrorRecords for the same problems.
/// </summary>
public abstract class ExportReadingCmdlet : JiraCmdlet
{
    private const int ProgressCheckEvery = 4096;
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The files <paramref name="paths"/> name; a path that names none is a non-terminating error.</summary>
    private protected List<string> ResolveExportPaths(string[] paths, bool literal)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            try
            {
                if (literal)
                {
                    files.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
                }
                else
                {
                    var resolved = GetResolvedProviderPathFromPSPath(path, out var provider);
                    if (provider.Name == "FileSystem")
                    {
                        files.AddRange(resolved);
                    }
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

    /// <summary>
    /// Reads the users of <paramref name="file"/> into <paramref name="onUser"/>.
    /// A broken file (not an export, a quote that swallows rows) is a terminating error: a short list must not pass for a whole one.
    /// With <paramref name="onlyProduct"/>, users carry only that product's activity (the other columns are not read).
    /// </summary>
    private protected void ReadExport(string file, string activity, Action<JiraUserActivity> onUser, JiraProduct? onlyProduct = null)
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
            // A FIFO or a pipe has no length: it is read all the same, without a percentage.
            long length = stream.CanSeek ? stream.Length : -1;
            WriteVerbose(length >= 0 ? $"Reading users from '{file}' ({length:N0} bytes)." : $"Reading users from '{file}' (a stream of unknown length).");
            var progress = new ProgressRecord(ProgressIds.ExportReading, activity, $"Reading {System.IO.Path.GetFileName(file)}");
            var clock = Stopwatch.StartNew();
            long records = 0;
            try
            {
                // The file is parsed on a thread of its own while this one writes the users out; reading the position of
                // the unbuffered file from here is one field (see UserExportReader.OpenFile).
                foreach (var record in new ExportReadAhead(token => UserExportReader.Read(stream, file, token, onlyProduct), CancellationToken))
                {
                    if (record.User is { } user)
                    {
                        onUser(user);
                    }
                    else if (record.Issue is { } issue)
                    {
                        WriteIssue(issue);
                    }

                    if (++records % ProgressCheckEvery == 0 && clock.Elapsed > s_progressInterval)
                    {
                        progress.PercentComplete = length <= 0 ? -1 : (int)Math.Min(99, 100 * stream.Position / length);
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
            catch (UserExportIntegrityException e)
            {
                ThrowTerminatingError(Error(e.Message, IntegrityErrorId(e.Problem), ErrorCategory.InvalidData, file, e,
                    "Nothing was changed. Fix the file (or export it again from Atlassian Administration) and run the command again."));
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

    private static string IntegrityErrorId(ExportIntegrityProblem problem) => problem switch
    {
        ExportIntegrityProblem.QuoteNotClosed => "UserExportQuoteNotClosed",
        ExportIntegrityProblem.RecordTooLong => "UserExportRecordTooLong",
        ExportIntegrityProblem.Truncated => "UserExportTruncated",
        _ => "UserExportDuplicateColumns",
    };

    private void WriteIssue(ExportIssue issue)
    {
        switch (issue.Kind)
        {
            case ExportIssueKind.EmptyFile:
            case ExportIssueKind.UserRowsSplit:
            case ExportIssueKind.MixedEncoding:
                WriteWarning(issue.Message);
                break;
            default:
                WriteError(Error(issue.Message, issue.Kind == ExportIssueKind.MalformedRow ? "UserExportRowMalformed" : "UserExportValueInvalid",
                    ErrorCategory.InvalidData, issue));
                break;
        }
    }
}
