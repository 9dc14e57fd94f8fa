// The host Pester runs in (build/run-pester.ps1): everything goes to the console as in pwsh's own host, except the
// "What if:" lines of -WhatIf and the warnings, which no test reads from the console (a test that checks them
// captures them itself): they are recorded in a file beside the results, so the run prints file lines, failures and
// the summary.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace JiraDeactivate.Build
{
    public sealed class RecordingHost : PSHost
    {
        private readonly PSHost _console;
        private readonly RecordingHostUI _ui;

        public RecordingHost(PSHost console, string recordPath)
        {
            _console = console;
            _ui = new RecordingHostUI(console.UI, recordPath);
        }

        public int Recorded => _ui.Recorded;

        public override string Name => "JiraDeactivateTestHost";
        public override Version Version => _console.Version;
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => _console.CurrentCulture;
        public override CultureInfo CurrentUICulture => _console.CurrentUICulture;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class RecordingHostUI : PSHostUserInterface
    {
        private readonly PSHostUserInterface _console;
        private readonly string _recordPath;
        private readonly object _lock = new object();

        public RecordingHostUI(PSHostUserInterface console, string recordPath)
        {
            _console = console;
            _recordPath = recordPath;
            File.WriteAllText(recordPath, string.Empty);
        }

        public int Recorded { get; private set; }

        public override PSHostRawUserInterface RawUI => _console.RawUI;

        public override void WriteLine(string value)
        {
            if (value != null && value.StartsWith("What if: ", StringComparison.Ordinal)) { Record(value); return; }
            _console.WriteLine(value);
        }

        public override void WriteWarningLine(string message) => Record("WARNING: " + message);

        public override void Write(string value) => _console.Write(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _console.Write(foregroundColor, backgroundColor, value);
        public override void WriteLine() => _console.WriteLine();
        public override void WriteLine(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => _console.WriteLine(foregroundColor, backgroundColor, value);
        public override void WriteErrorLine(string value) => _console.WriteErrorLine(value);
        public override void WriteDebugLine(string message) => _console.WriteDebugLine(message);
        public override void WriteVerboseLine(string message) => _console.WriteVerboseLine(message);
        public override void WriteInformation(InformationRecord record) => _console.WriteInformation(record);
        public override void WriteProgress(long sourceId, ProgressRecord record) => _console.WriteProgress(sourceId, record);
        public override string ReadLine() => _console.ReadLine();
        public override SecureString ReadLineAsSecureString() => _console.ReadLineAsSecureString();
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => _console.Prompt(caption, message, descriptions);
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => _console.PromptForChoice(caption, message, choices, defaultChoice);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => _console.PromptForCredential(caption, message, userName, targetName);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            _console.PromptForCredential(caption, message, userName, targetName, allowedCredentialTypes, options);

        private void Record(string line)
        {
            lock (_lock)
            {
                File.AppendAllText(_recordPath, line + Environment.NewLine);
                Recorded++;
            }
        }
    }
}
