using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Workbench.Platform.Localization;

/// <summary>
/// Latvian is the source language: UI text is written in Latvian and is its own key. Each assembly may embed
/// <c>Localization/en.json</c> mapping Latvian text to English (like Orchard's PO files keyed by the default text).
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<string, string> _english = new(StringComparer.Ordinal);
    private readonly JsonStringLocalizer _localizer;

    public JsonStringLocalizerFactory(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith("Localization.en.json", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                    _english[key] = value;
            }
        _localizer = new JsonStringLocalizer(_english);
    }

    public IStringLocalizer Create(Type resourceSource) => _localizer;
    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

public sealed class JsonStringLocalizer(IReadOnlyDictionary<string, string> english) : IStringLocalizer
{
    public LocalizedString this[string name] => Translate(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = Translate(name);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        english.Select(p => Translate(p.Key));

    private LocalizedString Translate(string name) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? english.TryGetValue(name, out var en) ? new LocalizedString(name, en) : new LocalizedString(name, name, resourceNotFound: true)
            : new LocalizedString(name, name);
}
