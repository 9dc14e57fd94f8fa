using System.Text.Json;
using JiraDeactivate.Emulator;
using JiraDeactivate.Emulator.Configuration;

// Prints one JSON line (EmulatorInfo) on stdout once listening, then serves until SIGTERM or Ctrl+C.
EmulatorOptions? options;
try
{
    options = EmulatorCommandLine.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

if (options is null)
{
    Console.WriteLine(EmulatorCommandLine.Usage);
    return 0;
}

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(options);
}
catch (Exception e) when (e is ArgumentException or InvalidDataException or JsonException or IOException)
{
    await Console.Error.WriteLineAsync($"The emulator could not start: {e.Message}");
    return 1;
}

await using (host)
{
    Console.WriteLine(JsonSerializer.Serialize(host.Info, EmulatorJson.CamelCase));
    await Console.Out.FlushAsync();
    await host.WaitForShutdownAsync();
}

return 0;
