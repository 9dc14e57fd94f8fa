using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace JiraDeactivate.Loader;

/// <summary>
/// The module's own assembly load context. The cmdlets' assembly is loaded into it from the module's bin folder, and
/// everything it needs from that folder (the core, CsvHelper, Polly) follows it there, whatever versions of those
/// names other modules have put into PowerShell's context before or after. What the folder does not hold
/// (PowerShell, the .NET libraries) comes from PowerShell's context as usual.
/// </summary>
public sealed class ModuleLoadContext : AssemblyLoadContext
{
    private const string CmdletsAssembly = "JiraDeactivate";

    private static readonly object s_lock = new();
    private static ModuleLoadContext? s_instance;

    private readonly string _folder;
    private readonly Assembly _cmdlets;

    private ModuleLoadContext(string folder)
        : base(CmdletsAssembly, isCollectible: false)
    {
        _folder = folder;
        _cmdlets = LoadFromAssemblyPath(Path.Combine(folder, $"{CmdletsAssembly}.dll"));
    }

    /// <summary>True once <see cref="Initialize"/> has run in this process: a later Import-Module is a reload.</summary>
    public static bool IsLoaded
    {
        get
        {
            lock (s_lock)
            {
                return s_instance is not null;
            }
        }
    }

    /// <summary>
    /// The cmdlets' assembly, loaded into the module's context on the first call; later calls (a second
    /// Import-Module in the same process) return the same assembly, as a .NET process cannot load it twice.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file of the module is missing from its folder.</exception>
    public static Assembly Initialize()
    {
        lock (s_lock)
        {
            if (s_instance is null)
            {
                string folder = Path.GetDirectoryName(typeof(ModuleLoadContext).Assembly.Location)!;
                RequireComplete(folder);
                s_instance = new ModuleLoadContext(folder);
            }

            return s_instance._cmdlets;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The loader stays in PowerShell's context, so there is one ModuleLoadContext type for both sides.
        if (assemblyName.Name == typeof(ModuleLoadContext).Assembly.GetName().Name)
        {
            return typeof(ModuleLoadContext).Assembly;
        }

        string path = Path.Combine(_folder, $"{assemblyName.Name}.dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    /// <summary>
    /// Checks at import that every assembly the cmdlets need from the folder is there, as listed in the deps.json the
    /// build leaves beside them. A file missing later, at first use, would only say "Could not load file or assembly",
    /// naming neither the module's folder nor the cure.
    /// </summary>
    private static void RequireComplete(string folder)
    {
        string deps = Path.Combine(folder, $"{CmdletsAssembly}.deps.json");
        var missing = File.Exists(deps)
            ? RuntimeFiles(deps).Where(file => !File.Exists(Path.Combine(folder, file))).ToList()
            : [Path.GetFileName(deps)];
        if (missing.Count > 0)
        {
            throw new FileNotFoundException(
                $"The JiraDeactivate module cannot load: {string.Join(", ", missing.Select(file => $"'{file}'"))} {(missing.Count == 1 ? "is" : "are")} missing from its folder '{folder}'. The installation is incomplete: reinstall the module.",
                Path.Combine(folder, missing[0]));
        }
    }

    /// <summary>
    /// The file names of the runtime assemblies a deps.json lists under targets/&lt;framework&gt;/&lt;library&gt;/runtime,
    /// project and package assemblies alike. A reader rather than JsonDocument, which would load System.IO.Pipelines.
    /// </summary>
    private static List<string> RuntimeFiles(string depsJson)
    {
        var files = new List<string>();
        var reader = new Utf8JsonReader(File.ReadAllBytes(depsJson));
        bool inTargets = false;
        bool inRuntime = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            switch (reader.CurrentDepth)
            {
                case 1:
                    inTargets = reader.ValueTextEquals("targets");
                    break;
                case 4:
                    inRuntime = inTargets && reader.ValueTextEquals("runtime");
                    break;
                case 5 when inRuntime:
                    files.Add(Path.GetFileName(reader.GetString()!));
                    break;
            }
        }

        return files;
    }
}
