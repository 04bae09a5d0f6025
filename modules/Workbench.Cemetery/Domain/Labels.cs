namespace Workbench.Cemetery.Domain;

/// <summary>Latvian names of the states and kinds (pages translate them through Localization/en.json).</summary>
public static class Labels
{
    public static string Of(CemeteryStatus s) => s switch { CemeteryStatus.Open => "atvērta", CemeteryStatus.PartlyClosed => "daļēji slēgta", _ => "slēgta" };
    public static string Of(SiteState s) => s switch { SiteState.Free => "brīva", SiteState.Reserved => "rezervēta", SiteState.Occupied => "aizņemta", _ => "nekopta" };
    public static string Of(SiteType t) => t switch { SiteType.Single => "vienvietīga", SiteType.Family => "ģimenes", SiteType.Urn => "urnu", _ => "kolumbārija niša" };
    public static string Of(BurialType t) => t == BurialType.Coffin ? "zārkā" : "urnā";
    public static string Of(UseRightState s) => s switch
    {
        UseRightState.Active => "spēkā", UseRightState.Renewed => "pagarinātas", UseRightState.Transferred => "nodotas citam", UseRightState.Ended => "beigušās", _ => "atņemtas",
    };
    public static string Of(QualityIssueKind k) => k switch
    {
        QualityIssueKind.ImpossibleDates => "neiespējami datumi", QualityIssueKind.FutureDate => "datums nākotnē", QualityIssueKind.MissingDates => "trūkst datumu",
        QualityIssueKind.ProbableDuplicate => "iespējami dublikāti", QualityIssueKind.NotOnScheme => "nav shēmā", QualityIssueKind.BeyondCapacity => "pārsniegta ietilpība",
        _ => "beigušās tiesības bez rīcības",
    };
    public static string Of(NeglectStepKind k) => k switch
    {
        NeglectStepKind.Inspection => "apsekošana", NeglectStepKind.Warning => "brīdinājuma vēstule", NeglectStepKind.Act => "akts", _ => "tiesību atņemšana",
    };
    public static string Of(FeeStatus s) => s switch { FeeStatus.Paid => "samaksāts", FeeStatus.Overdue => "nokavēts", _ => "jāmaksā" };
}
