using System.Text.RegularExpressions;
using Workbench.Abstractions.Validation;

namespace Workbench.Benefits.Domain;

/// <summary>What a relief or a group must satisfy before anything of it is saved.</summary>
public static partial class CatalogueValidation
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")]
    private static partial Regex CodePattern();

    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <param name="knownGroups">Codes of the groups that exist (or that the same recipe creates).</param>
    public static ValidationErrors Check(ReliefInput input, IReadOnlySet<string> knownGroups, bool checkCode = true)
    {
        var errors = new ValidationErrors();
        errors.When(checkCode && !IsCode(input.Code), "code", "Kodam jābūt 1–40 latīņu burtiem, cipariem, punktiem, domuzīmēm vai pasvītrām.");
        errors.When(string.IsNullOrWhiteSpace(input.Name), "name", "Nosaukums ir obligāts.");
        errors.When(input.Name is { Length: > 200 }, "name", "Nosaukums ir garāks par 200 zīmēm.");
        errors.When(string.IsNullOrWhiteSpace(input.Grantor), "grantor", "Piešķīrējs (pašvaldība vai tās iestāde) ir obligāts.");
        errors.When(input.Kind is null, "kind", "Veids ir obligāts: Discount, Exemption, Grant vai Compensation.");
        errors.When(input.AppliesTo is null, "appliesTo", "Jānorāda, uz ko atvieglojums attiecas: PublicTransport, SchoolMeals, Culture, Fees vai Other.");
        errors.When(input.Percent is not null && input.Amount is not null, "amount", "Jānorāda vai nu procenti, vai summa, ne abi.");
        errors.When(input.Percent is <= 0 or > 100, "percent", "Procentiem jābūt no 0 līdz 100 (0 neieskaitot).");
        errors.When(input.Amount is < 0, "amount", "Summa nevar būt negatīva.");
        errors.When(input.Kind is ReliefKind.Discount or ReliefKind.Compensation or ReliefKind.Grant && input.Percent is null && input.Amount is null,
            "percent", "Atlaidei, pabalstam un kompensācijai jānorāda procenti vai summa.");
        errors.When(input.Cap is < 0, "cap", "Griesti nevar būt negatīvi.");
        errors.When(input.Cap is not null && input.CapPeriod is null, "capPeriod", "Griestiem jānorāda periods: Month vai Year.");
        var groups = (input.Groups ?? []).Select(g => g?.Trim()).ToList();
        errors.When(groups.Count == 0, "groups", "Jānorāda vismaz viena atvieglojumu grupa.");
        foreach (var unknown in groups.Where(g => g is null || !knownGroups.Contains(g)).Distinct())
            errors.Add("groups", $"Nav atvieglojumu grupas \"{unknown}\".");
        errors.When(groups.Count != groups.Distinct().Count(), "groups", "Grupa norādīta vairākkārt.");
        var means = (input.IdentifiedBy ?? []).Select(m => m?.Trim()).ToList();
        errors.When(means.Count == 0, "identifiedBy", "Jānorāda identifikācijas līdzeklis: card un/vai eid.");
        foreach (var unknown in means.Where(m => m is null || !Identification.All.Contains(m)).Distinct())
            errors.Add("identifiedBy", $"Nezināms identifikācijas līdzeklis \"{unknown}\"; atļauti: card, eid.");
        errors.When(input.LegalBasisUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"),
            "legalBasisUrl", "Saitei uz saistošajiem noteikumiem jābūt pilnai http(s) adresei.");
        errors.When(input.ValidFrom is null, "validFrom", "Jānorāda, no kura datuma versija ir spēkā.");
        errors.When(input.ValidFrom is { } from && input.ValidTo is { } to && to < from, "validTo", "Beigu datums ir pirms sākuma datuma.");
        return errors;
    }

    public static ValidationErrors Check(GroupInput input, out GroupRule? rule)
    {
        var errors = new ValidationErrors();
        errors.When(!IsCode(input.Code), "code", "Kodam jābūt 1–40 latīņu burtiem, cipariem, punktiem, domuzīmēm vai pasvītrām.");
        errors.When(string.IsNullOrWhiteSpace(input.Name), "name", "Nosaukums ir obligāts.");
        rule = GroupRule.Read(input.Rule, errors);
        return errors;
    }
}
