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

/// <summary>POSTs the message to <c>Workbench:Integrations:Pspp:Url</c> (see <see cref="JsonPostAdapter"/>).</summary>
public sealed class PsppStatusAdapter(IHttpClientFactory http, IConfiguration configuration) : JsonPostAdapter(http, configuration, "Pspp")
{
    public const string AdapterName = "pspp-status";

    public override string Name => AdapterName;
}
