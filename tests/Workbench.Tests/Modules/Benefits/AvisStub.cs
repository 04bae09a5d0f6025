using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workbench.Tests.Modules.Benefits;

/// <summary>
/// AVIS on 127.0.0.1 (AVIS has no public test endpoint): <c>POST /messages</c> keeps the latest relief message per
/// municipality and code (an older version never replaces a newer one) and answers <c>{"id"}</c> (the same id for a repeated idempotency key); every
/// <see cref="FailEvery"/>-th request answers 503. <c>GET /reliefs?municipality=</c> lists what it holds; tests change the
/// holdings to make AVIS disagree on purpose.
/// </summary>
public sealed class AvisStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    public ConcurrentDictionary<string, string> Ids { get; } = new();
    public ConcurrentDictionary<(string Municipality, string Code), JsonObject> Reliefs { get; } = new();
    public ConcurrentQueue<(string Key, int Status)> Requests { get; } = new();
    public int FailEvery { get; set; }
    public string Url { get; private set; } = "";

    private AvisStub(WebApplication app) => _app = app;

    public static async Task<AvisStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new AvisStub(app);
        app.MapPost("/messages", async (HttpRequest request) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!.AsObject();
            if (Interlocked.Increment(ref stub._count) is var n && stub.FailEvery > 0 && n % stub.FailEvery == 0)
            {
                stub.Requests.Enqueue((key, 503));
                return Results.StatusCode(503);
            }
            stub.Requests.Enqueue((key, 200));
            // A retried older version arriving after a newer one does not replace it (the contract: AVIS keeps the highest version).
            if ((string?)body["type"] == "relief")
                stub.Reliefs.AddOrUpdate(((string)body["municipality"]!, (string)body["code"]!), body,
                    (_, held) => (int?)held["version"] > (int)body["version"]! ? held : body);
            return Results.Json(new { id = stub.Ids.GetOrAdd(key, _ => "AVIS-" + Guid.NewGuid().ToString("N")[..8]) });
        });
        app.MapGet("/reliefs", (string municipality) =>
            Results.Json(stub.Reliefs.Where(r => r.Key.Municipality == municipality).Select(r => r.Value).ToList()));
        await app.StartAsync();
        stub.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
