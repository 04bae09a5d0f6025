namespace Workbench.Cemetery.Domain;

/// <summary>Single; family (ģimenes kapavieta); urn site; columbarium niche.</summary>
public enum SiteType { Single, Family, Urn, Columbarium }

/// <summary>Free; reserved (a use right without a burial yet, or set by hand); occupied; neglected (aktēta).</summary>
public enum SiteState { Free, Reserved, Occupied, Neglected }

/// <summary>A grave site (kapavieta): number unique per cemetery, type, capacity (coffin places, or urn places in an urn site or niche).</summary>
public sealed class GraveSite
{
    public Guid Id { get; set; }
    public Guid CemeteryId { get; set; }
    public Guid? SectionId { get; set; }
    public Guid? RowId { get; set; }
    public string Number { get; set; } = "";
    public SiteType Type { get; set; }
    public int Capacity { get; set; } = 1;
    public double? WidthM { get; set; }
    public double? LengthM { get; set; }
    public SiteState State { get; set; }

    /// <summary>Outline on the cemetery's scheme as JSON <c>[[x,y],…]</c>; null = not placed yet.</summary>
    public string? Polygon { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public bool HoldsUrnsOnly => Type is SiteType.Urn or SiteType.Columbarium;
}

/// <summary>A photo of a site (inspection, state), its bytes in the platform's file store.</summary>
public sealed class SitePhoto
{
    public Guid Id { get; set; }
    public Guid SiteId { get; set; }
    public string Sha256 { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? Caption { get; set; }
    public DateTime TakenUtc { get; set; }
}
