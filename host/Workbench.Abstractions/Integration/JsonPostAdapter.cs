using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Workbench.Abstractions.Integration;

/// <summary>
/// Delivers an outbox message by POSTing its JSON to <c>Workbench:Integrations:{System}:Url</c>, with an
/// <c>Idempotency-Key</c> header and, when <c>…:Token</c> is set, a bearer token. Any answer but 2xx means "not
/// delivered, try again later". The external state systems (PSPP, DEPP, DIV) have no public test endpoints: each
/// module documents its JSON contract and tests it against a stub server on 127.0.0.1.
/// </summary>
public abstract class JsonPostAdapter(IHttpClientFactory http, IConfiguration configuration, string system) : IOutboxAdapter
{
    public abstract string Name { get; }

    public async Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var url = configuration[$"Workbench:Integrations:{system}:Url"]
            ?? throw new InvalidOperationException($"{system} adrese nav konfigurēta (Workbench:Integrations:{system}:Url is not set).");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        if (configuration[$"Workbench:Integrations:{system}:Token"] is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var client = http.CreateClient(Name);
        client.Timeout = TimeSpan.FromSeconds(30);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{system} answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}
