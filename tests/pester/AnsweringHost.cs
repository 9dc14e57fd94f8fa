// A PowerShell host for tests (Add-Type): answers the confirmation prompts in turn with the choices given ("Yes",
// "No", ...; the last one for every prompt after) and keeps every line written to it, so a test sees what a person
// at the console would see.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace JiraDeactivate.Tests
{
    public sealed class AnsweringHost : PSHost
    {
        private readonly AnsweringHostUI _ui;

        public AnsweringHost(string[] answers) { _ui = new AnsweringHostUI(answers); }

        public List<string> Lines => _ui.Lines;

        public int Prompts => _ui.Prompts;

        public override string Name => "AnsweringHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class AnsweringHostUI : PSHostUserInterface
    {
        private readonly string[] _answers;

        public AnsweringHostUI(string[] answers) { _answers = answers; }

        public List<string> Lines { get; } = new List<string>();

        public int Prompts { get; private set; }

        public override PSHostRawUserInterface RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            string answer = _answers[Math.Min(Prompts, _answers.Length - 1)];
            Prompts++;
            for (int i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i].Label.Replace("&", string.Empty), answer, StringComparison.OrdinalIgnoreCase)) { return i; }
            }

            throw new InvalidOperationException("No choice '" + answer + "' at the prompt: " + message);
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException(message);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException(message);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException(message);
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

        private void Add(string text) { lock (Lines) { Lines.Add(text); } }
        public override void Write(string value) => Add(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Add(value);
        public override void WriteLine(string value) => Add(value);
        public override void WriteErrorLine(string value) => Add("ERROR: " + value);
        public override void WriteDebugLine(string message) => Add("DEBUG: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) => Add("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => Add("WARNING: " + message);
    }
}
