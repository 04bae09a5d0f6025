using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workbench.Abstractions.Integration;
using Workbench.Benefits.Data;

namespace Workbench.Benefits.Integration;

/// <summary>
/// Delivers AVIS messages: <c>POST {Workbench:Integrations:Avis:Url}/messages</c> with the <c>Idempotency-Key</c> header
/// (and a bearer token when <c>…:Token</c> is set). AVIS acknowledges with <c>{"id": "…"}</c>, kept with the message;
/// any other answer means "not delivered" and the outbox tries again later.
/// </summary>
public sealed class AvisAdapter(IHttpClientFactory http, IConfiguration configuration, BenefitsDbContext db) : IOutboxAdapter
{
    public const string AdapterName = "avis";

    public string Name => AdapterName;

    public async Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AvisClient.Endpoint(configuration, "messages"))
        {
            Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        AvisClient.Authorize(configuration, request);
        using var client = http.CreateClient(Name);
        client.Timeout = TimeSpan.FromSeconds(30);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"AVIS answered {(int)response.StatusCode} {response.ReasonPhrase}");
        var ack = await response.Content.ReadFromJsonAsync<AvisAck>(cancellationToken);
        if (string.IsNullOrWhiteSpace(ack?.Id)) throw new HttpRequestException("AVIS answered without an id");
        await db.AvisMessages.Where(m => m.IdempotencyKey == delivery.IdempotencyKey)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AvisId, ack.Id).SetProperty(m => m.AcknowledgedUtc, DateTime.UtcNow), cancellationToken);
    }

    private sealed record AvisAck(string? Id);
}

/// <summary>Where AVIS is and how to authenticate to it (configuration shared by the adapter and the reconciliation).</summary>
public static class AvisClient
{
    public static Uri Endpoint(IConfiguration configuration, string path)
    {
        var url = configuration["Workbench:Integrations:Avis:Url"] ?? throw new InvalidOperationException("AVIS adrese nav konfigurēta (Workbench:Integrations:Avis:Url).");
        return new Uri(url.TrimEnd('/') + "/" + path);
    }

    public static void Authorize(IConfiguration configuration, HttpRequestMessage request)
    {
        if (configuration["Workbench:Integrations:Avis:Token"] is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
