using System.Text.Json;

namespace Workbench.Benefits.Domain;

/// <summary>A relief as the create API, the version API and the recipe take it. <c>code</c> is ignored by a new version.</summary>
public sealed record ReliefInput(
    string? Code, string? Name, string? Grantor, ReliefKind? Kind, ReliefScope? AppliesTo, decimal? Percent, decimal? Amount, decimal? Cap, CapPeriod? CapPeriod,
    List<string?>? Groups, string? LegalBasis, string? LegalBasisUrl, List<string?>? IdentifiedBy, string? Description, DateOnly? ValidFrom, DateOnly? ValidTo, string? ChangeNote = null);

/// <summary>A benefit group with its rule (<see cref="GroupRule"/> fields; any other field is refused).</summary>
public sealed record GroupInput(string? Code, string? Name, string? Description, JsonElement? Rule);
