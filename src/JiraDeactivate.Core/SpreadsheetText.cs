namespace JiraDeactivate.Core;

/// <summary>
/// Text for files that reviewers open in a spreadsheet: a value that starts like a formula (=, +, -, @, a tab or a
/// carriage return) gets a leading apostrophe, so the spreadsheet shows it as text instead of running it.
/// </summary>
public static class SpreadsheetText
{
    public static string? Neutralize(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
