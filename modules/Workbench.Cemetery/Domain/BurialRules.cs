namespace Workbench.Cemetery.Domain;

/// <summary>
/// Whether a burial may go into a site, decided from the cemetery's rules and what the site already holds. Pure, so the
/// rules are tested on their own; the service asks it inside the transaction that saves the burial.
/// </summary>
public static class BurialRules
{
    /// <summary>Null when allowed, else the reason in words for people (Latvian, then English).</summary>
    /// <param name="existing">The burials already in the site.</param>
    public static string? Refusal(Cemetery cemetery, GraveSite site, IReadOnlyList<Burial> existing, BurialType type, DateOnly burialDate)
    {
        if (cemetery.Status == CemeteryStatus.Closed)
            return $"Kapsēta \"{cemetery.Name}\" ir slēgta apbedīšanai.";
        if (cemetery.Status == CemeteryStatus.PartlyClosed && existing.Count == 0)
            return $"Kapsēta \"{cemetery.Name}\" ir daļēji slēgta: apbedī tikai esošās ģimenes kapavietās, kurās jau kāds apbedīts.";
        if (!cemetery.Allows(type))
            return type == BurialType.Urn
                ? $"Kapsētā \"{cemetery.Name}\" urnas neapbedī."
                : $"Kapsētā \"{cemetery.Name}\" apbedī tikai urnas.";
        if (site.State == SiteState.Neglected)
            return $"Kapavieta {site.Number} ir atzīta par nekoptu; vispirms jānokārto uzturēšanas tiesības.";
        if (site.HoldsUrnsOnly)
        {
            if (type == BurialType.Coffin)
                return $"Kapavietā {site.Number} ({(site.Type == SiteType.Urn ? "urnu kapavieta" : "kolumbārija niša")}) apbedī tikai urnas.";
            return existing.Count >= site.Capacity
                ? $"Kapavieta {site.Number} ir pilna: {existing.Count} no {site.Capacity} urnu vietām aizņemtas."
                : null;
        }
        var taken = OccupiedPlaces(existing, burialDate, cemetery.ReuseYears);
        if (taken.Count < site.Capacity) return null;
        if (type == BurialType.Urn && cemetery.UrnsIntoOccupied) return null;
        var freeFrom = taken.Min(b => b.BurialDate).AddYears(cemetery.ReuseYears);
        return type == BurialType.Urn
            ? $"Kapavieta {site.Number} ir pilna, un šajā kapsētā urnas aizņemtās kapavietās nepievieno."
            : $"Kapavieta {site.Number} ir pilna: {taken.Count} no {site.Capacity} vietām aizņemtas; atkārtoti apbedīt drīkst {cemetery.ReuseYears} gadus pēc iepriekšējā apbedījuma, agrākais {freeFrom:dd.MM.yyyy}.";
    }

    /// <summary>Coffin burials still within the reuse period on <paramref name="day"/>: the places they take.</summary>
    public static List<Burial> OccupiedPlaces(IEnumerable<Burial> existing, DateOnly day, int reuseYears) =>
        existing.Where(b => b.Type == BurialType.Coffin && b.BurialDate.AddYears(reuseYears) > day).ToList();

    /// <summary>Whether <paramref name="slot"/> is one of the cemetery's slots (a booking outside the grid could overlap two).</summary>
    public static string? SlotRefusal(Cemetery cemetery, TimeOnly slot) =>
        cemetery.Slots().Contains(slot) ? null
            : $"Laiks {slot:HH\\:mm} nav kapsētas apbedīšanas laiks; der {string.Join(", ", cemetery.Slots().Select(s => s.ToString("HH\\:mm")))} (not one of the cemetery's burial slots).";
}
