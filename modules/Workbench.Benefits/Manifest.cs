using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;

namespace Workbench.Benefits;

public sealed class BenefitsManifest : IModuleManifestProvider
{
    public const string Feature = "Workbench.Benefits";
    /// <summary>The municipal benefits specialist: reliefs, groups, providers, cards, status imports, AVIS.</summary>
    public const string ManageBenefits = "ManageBenefits";
    public const string ViewBenefits = "ViewBenefits";
    /// <summary>Personal codes and card holders: restricted data.</summary>
    public const string ViewBenefitsPersonalData = "ViewBenefitsPersonalData";
    /// <summary>A provider's machine client asking whether a person is entitled to a relief.</summary>
    public const string CheckBenefitsEligibility = "CheckBenefitsEligibility";

    public ModuleManifest Manifest { get; } = new()
    {
        Id = Feature,
        Name = "Atvieglojumi",
        Description = "Pašvaldības atvieglojumi, atvieglojumu grupas, iedzīvotāju kartes, piemērotāji un AVIS saite.",
        Version = "0.1.0",
        HostApiRange = "[1.0,2.0)",
        Features = [new(Feature, "Atvieglojumi", "Relief catalogue with versions, benefit groups with eligibility rules as data, status records from the state, resident cards, providers and the eligibility API, AVIS synchronisation.")],
        Permissions =
        [
            new(ManageBenefits, "Manage reliefs, benefit groups, providers, resident cards and status imports", [BuiltInRoles.Editor]),
            new(ViewBenefits, "See the relief catalogue, providers, cards (without personal data) and the AVIS reports", [BuiltInRoles.Editor, BuiltInRoles.Specialist, BuiltInRoles.Viewer]),
            new(ViewBenefitsPersonalData, "See card holders and look people up by personal code", [BuiltInRoles.Editor]),
            new(CheckBenefitsEligibility, "Ask the eligibility API (a provider's machine client)"),
        ],
        Navigation = [new("Atvieglojumi", "Reliefs", "admin/benefits", Feature, ViewBenefits, 45)],
        PublicNavigation = [new("Atvieglojumi", "Reliefs", "atvieglojumi", Feature)],
    };
}
