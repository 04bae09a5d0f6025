namespace Workbench.CivilProtection.Domain;

public enum ShelterKind { Shelter, GatheringPoint }

/// <summary>A shelter (patvertne) or gathering point (pulcēšanās vieta). A public one is shown on the public site and map.</summary>
public sealed class Shelter
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public ShelterKind Kind { get; set; }
    public string Address { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int Capacity { get; set; }
    public bool Water { get; set; }
    public bool Power { get; set; }
    public bool Heating { get; set; }
    public bool Accessible { get; set; }
    public string ResponsibleName { get; set; } = "";
    public string? ResponsiblePhone { get; set; }
    public string? OpeningProcedure { get; set; }
    /// <summary>What people should bring (shown publicly when the point is public).</summary>
    public string? WhatToBring { get; set; }
    public bool IsPublic { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

public sealed record ShelterInput(
    string? Name, ShelterKind? Kind, string? Address, double? Latitude, double? Longitude, int? Capacity,
    bool Water, bool Power, bool Heating, bool Accessible, string? ResponsibleName, string? ResponsiblePhone, string? OpeningProcedure,
    string? WhatToBring, bool IsPublic, bool ConfirmOutsideLatvia = false);
