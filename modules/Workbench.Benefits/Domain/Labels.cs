using System.Globalization;

namespace Workbench.Benefits.Domain;

/// <summary>Latvian words for the catalogue's values (the pages translate them through the module's en.json).</summary>
public static class Labels
{
    private static readonly CultureInfo Latvian = CultureInfo.GetCultureInfo("lv-LV");

    public static string Of(ReliefScope scope) => scope switch
    {
        ReliefScope.PublicTransport => "Sabiedriskais transports",
        ReliefScope.SchoolMeals => "Skolēnu ēdināšana",
        ReliefScope.Culture => "Kultūras pasākumi",
        ReliefScope.Fees => "Nodevas un maksas",
        _ => "Citi atvieglojumi",
    };

    public static string Of(ReliefKind kind) => kind switch
    {
        ReliefKind.Discount => "Atlaide",
        ReliefKind.Exemption => "Atbrīvojums",
        ReliefKind.Grant => "Pabalsts",
        _ => "Kompensācija",
    };

    /// <summary>"50 %", "12,00 EUR" or "atbrīvojums", with the cap when there is one.</summary>
    public static string Amount(ReliefVersion v)
    {
        var amount = v.Percent is { } p ? $"{p.ToString("0.##", Latvian)} %" : v.Amount is { } a ? $"{a.ToString("0.00", Latvian)} EUR" : "pilns atbrīvojums";
        return v.Cap is { } cap ? $"{amount} (ne vairāk kā {cap.ToString("0.00", Latvian)} EUR {(v.CapPeriod == CapPeriod.Year ? "gadā" : "mēnesī")})" : amount;
    }
}
