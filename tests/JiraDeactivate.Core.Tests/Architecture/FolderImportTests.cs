using System.Text.RegularExpressions;

namespace JiraDeactivate.Core.Tests.Architecture;

/// <summary>
/// The core's folders (namespaces) form layers: a folder may use another, but two folders never use each other,
/// so each can be read, tested and changed without the other (issue 22).
/// </summary>
public sealed partial class FolderImportTests
{
    [GeneratedRegex(@"^using JiraDeactivate\.Core\.(\w+);", RegexOptions.Multiline)]
    private static partial Regex CoreUsing();

    [Fact]
    public void No_two_core_folders_import_each_other()
    {
        var imports = ImportsOf(CoreSource());
        var cycles = imports
            .SelectMany(from => from.Value.Select(to => (From: from.Key, To: to.Key, Files: to.Value)))
            .Where(edge => string.CompareOrdinal(edge.From, edge.To) < 0 && imports.TryGetValue(edge.To, out var back) && back.ContainsKey(edge.From))
            .Select(edge => $"{edge.From} <-> {edge.To} ({string.Join(", ", edge.Files)} use {edge.To}; {string.Join(", ", imports[edge.To][edge.From])} use {edge.From})")
            .ToList();

        Assert.True(cycles.Count == 0, $"Core folders that import each other: {string.Join("; ", cycles)}");
    }

    [Fact]
    public void The_scan_finds_a_cycle_when_there_is_one()
    {
        var folder = Directory.CreateTempSubdirectory("folder-imports-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "A"));
            Directory.CreateDirectory(Path.Combine(folder, "B"));
            File.WriteAllText(Path.Combine(folder, "A", "One.cs"), "using JiraDeactivate.Core.B;\nnamespace JiraDeactivate.Core.A;\n");
            File.WriteAllText(Path.Combine(folder, "B", "Two.cs"), "using JiraDeactivate.Core.A;\nnamespace JiraDeactivate.Core.B;\n");

            var imports = ImportsOf(folder);

            Assert.Equal(["One.cs"], imports["A"]["B"]);
            Assert.Equal(["Two.cs"], imports["B"]["A"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Folder -> folder it imports -> the files that import it.
    private static Dictionary<string, Dictionary<string, List<string>>> ImportsOf(string root)
    {
        var imports = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (string folder in Directory.GetDirectories(root).Where(d => !Path.GetFileName(d).Equals("obj", StringComparison.Ordinal) && !Path.GetFileName(d).Equals("bin", StringComparison.Ordinal)))
        {
            string name = Path.GetFileName(folder);
            var uses = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in CoreUsing().Matches(File.ReadAllText(file)))
                {
                    string used = match.Groups[1].Value;
                    if (used != name)
                    {
                        (uses.TryGetValue(used, out var files) ? files : uses[used] = []).Add(Path.GetFileName(file));
                    }
                }
            }

            imports[name] = uses;
        }

        return imports;
    }

    private static string CoreSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string core = Path.Combine(dir.FullName, "src", "JiraDeactivate.Core");
            if (File.Exists(Path.Combine(dir.FullName, "JiraDeactivate.sln")) && Directory.Exists(core))
            {
                return core;
            }
        }

        throw new DirectoryNotFoundException("The repository's src/JiraDeactivate.Core was not found above the test's folder.");
    }
}
