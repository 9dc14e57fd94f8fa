using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text.Json;

namespace JiraDeactivate.Loading;

/// <summary>
/// The module's own assembly load context. The core and everything it needs from bin/dependencies (CsvHelper, Polly)
/// load into it, whatever versions of those names other modules put into PowerShell's context before or after.
/// The cmdlets' assembly stays in PowerShell's context, where PowerShell binds it; its one reference into the folder,
/// the core, is handed to this context by <see cref="Register"/>'s resolver. What the folder does not hold
/// (PowerShell, the .NET libraries) comes from PowerShell's context as usual.
/// </summary>
/// <remarks>
/// Why not a loader script that imports the cmdlets from this context (the other common design): the script, the
/// loader assembly and a second, nested Import-Module made the import take 117 ms against 88 ms for a binary root
/// module (bench/results/latest.md, value import-module-ms).
/// </remarks>
internal sealed class ModuleLoadContext : AssemblyLoadContext
{
    /// <summary>The folder, below the cmdlets' assembly, that PowerShell's and .NET's own probing never look into.</summary>
    public const string DependenciesFolder = "dependencies";

    private const string CoreAssembly = "JiraDeactivate.Core";

    private static readonly object s_lock = new();
    private static bool s_registered;
    private static ModuleLoadContext? s_instance;

    private readonly string _folder;

    private ModuleLoadContext(string folder)
        : base("JiraDeactivate", isCollectible: false)
    {
        _folder = folder;
    }

    private static string CmdletsFolder => Path.GetDirectoryName(typeof(ModuleLoadContext).Assembly.Location)!;

    /// <summary>
    /// Checks that the install is complete and makes PowerShell's context hand the core to this one. Runs at every
    /// Import-Module; the resolver is added once per process, as the cmdlets' assembly can only load once.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file of the module is missing from its folder.</exception>
    public static void Register()
    {
        lock (s_lock)
        {
            RequireComplete(CmdletsFolder);
            if (!s_registered)
            {
                Default.Resolving += ResolveCore;
                s_registered = true;
            }
        }
    }

    private static Assembly? ResolveCore(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != CoreAssembly)
        {
            return null;
        }

        lock (s_lock)
        {
            s_instance ??= new ModuleLoadContext(Path.Combine(CmdletsFolder, DependenciesFolder));
        }

        return s_instance.LoadFromAssemblyName(name);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string path = Path.Combine(_folder, $"{assemblyName.Name}.dll");
        if (File.Exists(path))
        {
            return LoadFromAssemblyPath(path);
        }

        // A package built per platform (Tmds.LibC) is published under runtimes/<rid>/lib/<framework>/.
        string platform = Path.Combine(_folder, "runtimes", PlatformId, "lib");
        string? specific = Directory.Exists(platform) ? Directory.EnumerateFiles(platform, $"{assemblyName.Name}.dll", SearchOption.AllDirectories).FirstOrDefault() : null;
        return specific is null ? null : LoadFromAssemblyPath(specific);
    }

    private static string PlatformId =>
        $"{(OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "osx" : "win")}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";

    /// <summary>
    /// Checks that every assembly the deps.json beside the cmdlets lists is there. A file missing later, at first
    /// use, would only say "Could not load file or assembly", naming neither the module's folder nor the cure.
    /// </summary>
    private static void RequireComplete(string cmdletsFolder)
    {
        string cmdlets = Path.GetFileName(typeof(ModuleLoadContext).Assembly.Location);
        string deps = Path.Combine(cmdletsFolder, Path.ChangeExtension(cmdlets, ".deps.json"));
        string dependencies = Path.Combine(cmdletsFolder, DependenciesFolder);
        var missing = File.Exists(deps)
            ? RuntimeFiles(deps).Where(file => file != cmdlets && !File.Exists(Path.Combine(dependencies, file))).ToList()
            : [Path.GetFileName(deps)];
        if (missing.Count > 0)
        {
            string folder = missing[0] == Path.GetFileName(deps) ? cmdletsFolder : dependencies;
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
