var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "emulator placeholder");
app.Run();
