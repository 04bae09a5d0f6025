namespace Workbench.CivilProtection.Domain;

/// <summary>The categories of the typing scheme (after NIMS resource typing; the README lists the scheme).</summary>
public enum ResourceCategory { Transport, Communications, PublicWorks, ShelterMassCare, Medical, FoodWater, Energy }

/// <summary>
/// One type of the scheme: category → kind → type, the type told apart by its capability metric
/// (transport / bus / 50 seats; energy / generator / 20 kW; public works / pump / 1,000 l/min).
/// Resources and scenario requirements name a type by its <see cref="Code"/>.
/// </summary>
public sealed class ResourceType
{
    public Guid Id { get; set; }
    /// <summary>e.g. <c>transport.bus.50</c>; unique in the municipality.</summary>
    public string Code { get; set; } = "";
    public ResourceCategory Category { get; set; }
    /// <summary>The kind within the category, e.g. "Autobuss (bus)".</summary>
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The unit the capability is measured in: seats, kW, l/min, beds, litres, persons.</summary>
    public string Metric { get; set; } = "";
    /// <summary>Capability of one unit of this type, in <see cref="Metric"/>.</summary>
    public double Capability { get; set; }
}

public sealed record ResourceTypeInput(string? Code, ResourceCategory? Category, string? Kind, string? Name, string? Metric, double? Capability);
