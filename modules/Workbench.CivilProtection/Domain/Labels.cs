namespace Workbench.CivilProtection.Domain;

/// <summary>Latvian names of the module's values for pages (translated through Localization/en.json like any page text).</summary>
public static class Labels
{
    public static string Of(Availability value) => value switch
    {
        Availability.Available => "Pieejams",
        Availability.Committed => "Piesaistīts",
        _ => "Nav lietojams",
    };

    public static string Of(ResourceCategory value) => value switch
    {
        ResourceCategory.Transport => "Transports",
        ResourceCategory.Communications => "Sakari",
        ResourceCategory.PublicWorks => "Komunālie un būvdarbi",
        ResourceCategory.ShelterMassCare => "Izmitināšana un aprūpe",
        ResourceCategory.Medical => "Medicīna",
        ResourceCategory.FoodWater => "Pārtika un ūdens",
        _ => "Enerģija",
    };

    public static string Of(OwnerKind value) => value switch
    {
        OwnerKind.MunicipalUnit => "Pašvaldības iestāde",
        OwnerKind.Company => "Uzņēmums",
        OwnerKind.VolunteerGroup => "Brīvprātīgo grupa",
        _ => "Valsts iestāde",
    };

    public static string Of(ShelterKind value) => value == ShelterKind.Shelter ? "Patvertne" : "Pulcēšanās vieta";

    public static string Of(ScenarioType value) => value switch
    {
        ScenarioType.Flood => "Plūdi",
        ScenarioType.Storm => "Vētra",
        ScenarioType.PowerOutage => "Elektroapgādes pārtraukums",
        ScenarioType.ChemicalAccident => "Ķīmiska avārija",
        ScenarioType.Fire => "Ugunsgrēks",
        ScenarioType.Epidemic => "Epidēmija",
        _ => "Cits",
    };

    /// <summary>CSS class of an availability on the map and in tables.</summary>
    public static string Css(Availability value) => value switch
    {
        Availability.Available => "cp-available",
        Availability.Committed => "cp-committed",
        _ => "cp-out",
    };
}
