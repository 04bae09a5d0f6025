using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Recipes.Steps;

/// <summary><c>{"name": "settings", "siteName": "…", "culture": "lv-LV", "timeZone": "Europe/Riga", "branding": {…}}</c></summary>
public sealed class SettingsStep : IRecipeStepHandler
{
    public string StepName => "settings";
    public string? RequiredFeature => null;

    public Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        if (Read(context) is { } settings)
            foreach (var (path, message) in SiteSettingsValidator.Validate(settings)) context.Error(path, message);
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct) =>
        await context.Services.GetRequiredService<SiteSettingsStore>().SaveAsync(Read(context)!, ct);

    private static SiteSettings? Read(RecipeStepContext context) => context.Read<SiteSettings>();
}

/// <summary>Rules for site settings, shared by the recipe step and the settings page.</summary>
public static class SiteSettingsValidator
{
    public static IEnumerable<(string Path, string Message)> Validate(SiteSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.SiteName) || settings.SiteName.Length > 120)
            yield return ("$.siteName", "Vietnes nosaukums ir obligāts, līdz 120 zīmēm.");
        if (!CultureExists(settings.Culture))
            yield return ("$.culture", $"Nezināma valoda \"{settings.Culture}\".");
        if (!TimeZoneExists(settings.TimeZone))
            yield return ("$.timeZone", $"Nezināma laika josla \"{settings.TimeZone}\".");
        if (!Colors.TryParse(settings.Branding.PrimaryColor, out var primary))
            yield return ("$.branding.primaryColor", "Krāsai jābūt formā #rrggbb.");
        else if (Colors.Contrast(primary, (255, 255, 255)) < 4.5)
            yield return ("$.branding.primaryColor", $"Baltam tekstam uz {settings.Branding.PrimaryColor} kontrasts ir {Colors.Contrast(primary, (255, 255, 255)):0.0}:1, vajag vismaz 4.5:1.");
        if (!Colors.TryParse(settings.Branding.AccentColor, out _))
            yield return ("$.branding.accentColor", "Krāsai jābūt formā #rrggbb.");
    }

    private static bool CultureExists(string name)
    {
        try { return !string.IsNullOrEmpty(name) && CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null; }
        catch (CultureNotFoundException) { return false; }
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

public static class Colors
{
    public static bool TryParse(string? hex, out (int R, int G, int B) rgb)
    {
        rgb = default;
        if (hex is not { Length: 7 } || hex[0] != '#' || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)) return false;
        rgb = ((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
        return true;
    }

    /// <summary>WCAG 2 contrast ratio.</summary>
    public static double Contrast((int R, int G, int B) a, (int R, int G, int B) b)
    {
        static double Channel(int c) { var s = c / 255.0; return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
        static double Luminance((int R, int G, int B) c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
