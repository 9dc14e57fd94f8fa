using System.Net;
using System.Text.Json;
using JiraDeactivate.Emulator.Admin;
using JiraDeactivate.Emulator.Configuration;
using JiraDeactivate.Emulator.Control;
using JiraDeactivate.Emulator.Jira;
using JiraDeactivate.Emulator.State;
using JiraDeactivate.Emulator.Traffic;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JiraDeactivate.Emulator;

/// <summary>
/// A running emulator: Kestrel on 127.0.0.1 serving the Jira REST API, the Admin API and /_emulator on one port.
/// Program.cs and in-process tests start it the same way.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StateDocument _initialState;
    private Uri? _baseAddress;

    private EmulatorHost(WebApplication app, StateDocument initialState, OrgState state, ConfigStore config, RequestStats stats, RateLimiter rateLimiter)
    {
        _app = app;
        _initialState = initialState;
        State = state;
        Config = config;
        Stats = stats;
        RateLimiter = rateLimiter;
    }

    /// <summary>The real address, e.g. http://127.0.0.1:41321/ (the port is known once listening).</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The emulator is not listening yet.");

    public OrgState State { get; }

    public ConfigStore Config { get; }

    public RequestStats Stats { get; }

    public RateLimiter RateLimiter { get; }

    /// <summary>The start-up line's content; follows the credentials of the current state.</summary>
    public EmulatorInfo Info
    {
        get
        {
            var url = BaseAddress.GetLeftPart(UriPartial.Authority);
            var credentials = State.GetCredentials();
            var site = State.Site;
            var service = State.GetServiceCredentials();
            return new EmulatorInfo(
                url, url, url + Http.ApiAreas.ControlPrefix, credentials.AdminEmail, credentials.AdminApiToken, credentials.AdminApiKey,
                site.OrgId, site.CloudId, site.Name, credentials.NonAdminEmail, credentials.NonAdminApiToken, Environment.ProcessId)
            {
                GatewayUrl = url,
                GatewaySiteUrl = $"{url}{GatewayPrefix.Prefix}/{site.CloudId}",
                TokenUrl = url + "/oauth/token",
                ScopedEmail = service.ScopedEmail,
                ScopedApiToken = service.ScopedApiToken,
                ServiceAccountEmail = service.ServiceAccountEmail,
                ServiceAccountToken = service.ServiceAccountToken,
                ClientId = service.ClientId,
                ClientSecret = service.ClientSecret,
            };
        }
    }

    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="InvalidDataException">The state file is not a consistent state.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var initialState = CreateInitialState(options);
        var state = new OrgState(initialState);
        var config = new ConfigStore(options.Config);
        var stats = new RequestStats(options.Clock);
        var rateLimiter = new RateLimiter(config, options.Clock);
        var faults = new FaultInjection(config, rateLimiter, stats, options.Seed ?? Random.Shared.Next());

        var app = BuildApplication(options.Port);
        var host = new EmulatorHost(app, initialState, state, config, stats, rateLimiter);
        var tokens = new OAuthTokenStore(options.Clock);
        app.UseGatewayPrefix(state);
        app.UseRouting();
        app.UseRequestTracking(stats);
        app.Use(faults.InvokeAsync);
        JiraRoutes.Map(app, state, config, tokens);
        OAuthRoutes.Map(app, state, config, tokens);
        ApiAccessRoutes.Map(app, state);
        AdminRoutes.Map(app, state, config);
        ControlRoutes.Map(app, host);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host._baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    /// <summary>Goes back to the state the emulator started with (regenerated from the seed or reloaded from the file).</summary>
    public void ResetState() => State.Load(_initialState);

    /// <summary>Completes when the host stops (SIGTERM, Ctrl+C or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static StateDocument CreateInitialState(EmulatorOptions options)
    {
        StateDocument document;
        if (options.StateFile is { } path)
        {
            document = JsonSerializer.Deserialize<StateDocument>(File.ReadAllText(path), EmulatorJson.StateFile)
                ?? throw new InvalidDataException($"{path} holds no state document.");
        }
        else
        {
            var asOf = options.AsOf ?? DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime);
            document = StateGenerator.Generate(new StateRecipe(options.StateSeed, options.Users, asOf, options.SiteName, options.Orgs, options.AccessPaths, options.DevelopersOverlap));
        }

        StateCredentials.EnsureCredentials(document, new SecretGenerator(options.Seed));
        return document;
    }

    private static WebApplication BuildApplication(int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // stdout carries exactly one line (the JSON info); anything else goes to stderr, and only warnings.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        return builder.Build();
    }
}
