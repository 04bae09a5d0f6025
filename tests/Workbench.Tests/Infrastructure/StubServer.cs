using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workbench.Tests.Infrastructure;

/// <summary>
/// A stand-in for a state register on 127.0.0.1 that records every request. <see cref="FailEvery"/> makes it answer
/// 503 to every n-th request; odd failures happen after the body was received, like a lost answer.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    public ConcurrentQueue<(string? Key, string Body, int Status)> Requests { get; } = new();
    public int FailEvery { get; set; }
    public bool Down { get; set; }
    public string Url { get; private set; } = "";

    private StubServer(WebApplication app) => _app = app;

    public static async Task<StubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new StubServer(app);
        app.MapPost("/status", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var number = Interlocked.Increment(ref stub._count);
            var status = stub.Down || stub.FailEvery > 0 && number % stub.FailEvery == 0 ? 503 : 202;
            stub.Requests.Enqueue((request.Headers["Idempotency-Key"].ToString(), body, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        stub.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/status";
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
