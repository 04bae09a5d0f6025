using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Workbench.Abstractions.Integration;

namespace Workbench.ServiceCards.Integration;

/// <summary>
/// The JSON contract of a service-case status report to the state status register (PSPP/VIRSIS). The register has
/// no public test endpoint: this contract is ours, documented in the module README, and tested against a stub
/// server on 127.0.0.1.
/// </summary>
/// <param name="Sequence">1 for registration, then one per status change; with <paramref name="CaseId"/> it is the idempotency key.</param>
public sealed record PsppStatusMessage(
    Guid CaseId, int Sequence, string Municipality, string ServiceIdentifier, IReadOnlyList<string> CatalogueIds,
    string Channel, string Status, DateTime ChangedUtc, DateOnly PlannedCompletion);

/// <summary>POSTs the message to <c>Workbench:Integrations:Pspp:Url</c> with an <c>Idempotency-Key</c> header.</summary>
public sealed class PsppStatusAdapter(IHttpClientFactory http, IConfiguration configuration) : IOutboxAdapter
{
    public const string Name = "pspp-status";

    string IOutboxAdapter.Name => Name;

    public async Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var url = configuration["Workbench:Integrations:Pspp:Url"]
            ?? throw new InvalidOperationException("PSPP adrese nav konfigurēta (Workbench:Integrations:Pspp:Url is not set).");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        if (configuration["Workbench:Integrations:Pspp:Token"] is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var client = http.CreateClient(Name);
        client.Timeout = TimeSpan.FromSeconds(30);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"PSPP answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }
}
