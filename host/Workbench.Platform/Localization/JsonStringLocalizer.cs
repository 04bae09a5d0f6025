using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Workbench.Platform.Localization;

/// <summary>
/// Latvian is the source language: every text — a page's label and a service's refusal alike — is written in Latvian and
/// is its own key. Each assembly may embed <c>Localization/en.json</c> mapping Latvian text to English (like Orchard's
/// PO files keyed by the default text). Keys with <c>{0}</c>, <c>{1}</c>… are templates: a service may write the
/// message with its values filled in and it is still found (see <see cref="JsonStringLocalizer"/>).
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer;

    public JsonStringLocalizerFactory(IEnumerable<Assembly> assemblies)
    {
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in assemblies.Distinct())
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith("Localization.en.json", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                    english[key] = value;
            }
        _localizer = new JsonStringLocalizer(english);
    }

    public JsonStringLocalizer Localizer => _localizer;

    public IStringLocalizer Create(Type resourceSource) => _localizer;
    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

/// <summary>
/// Translates Latvian text for the current UI culture (or a given one). A text is found as it is; else by a template
/// key whose <c>{n}</c> placeholders match the values filled in (<c>"Fails ir lielāks par {0} MB."</c> finds
/// <c>"Fails ir lielāks par 5 MB."</c>); else, for several messages joined into one (a form's summary), sentence by
/// sentence. What is not found stays Latvian.
/// </summary>
public sealed partial class JsonStringLocalizer : IStringLocalizer
{
    private readonly IReadOnlyDictionary<string, string> _english;
    private readonly List<(Regex Pattern, string English)> _templates;

    public JsonStringLocalizer(IReadOnlyDictionary<string, string> english)
    {
        _english = english;
        // Longest templates first: the most specific one wins when two could match.
        _templates = english.Where(p => Placeholder().IsMatch(p.Key)).OrderByDescending(p => p.Key.Length)
            .Select(p => (new Regex("^" + Placeholder().Replace(Regex.Escape(p.Key).Replace(@"\{", "{"), m => $"(?<p{m.Groups[1].Value}>.+?)") + "$",
                RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)), p.Value))
            .ToList();
    }

    public LocalizedString this[string name] => Translate(name, CultureInfo.CurrentUICulture);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = Translate(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _english.Select(p => Translate(p.Key, CultureInfo.CurrentUICulture));

    /// <summary>The text in <paramref name="culture"/>'s language: English when asked and known, else the Latvian as written.</summary>
    public LocalizedString Translate(string name, CultureInfo culture)
    {
        if (culture.TwoLetterISOLanguageName != "en" || string.IsNullOrEmpty(name)) return new LocalizedString(name, name);
        var english = Find(name);
        return english is null ? new LocalizedString(name, name, resourceNotFound: true) : new LocalizedString(name, english);
    }

    private string? Find(string text)
    {
        if (_english.TryGetValue(text, out var exact)) return exact;
        foreach (var (pattern, english) in _templates)
            if (pattern.Match(text) is { Success: true } match)
                return Placeholder().Replace(english, p => match.Groups["p" + p.Groups[1].Value] is { Success: true } g ? g.Value : p.Value);
        var sentences = SentenceEnd().Split(text);
        if (sentences.Length < 2) return null;
        var parts = sentences.Select(s => _english.TryGetValue(s, out var e) ? e : _templates.Any(t => t.Pattern.IsMatch(s)) ? Find(s) : null).ToList();
        return parts.Any(p => p is not null) ? string.Join(" ", parts.Select((p, i) => p ?? sentences[i])) : null;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    /// <summary>Between two sentences: after a full stop, question or exclamation mark, before a capital letter.</summary>
    [GeneratedRegex(@"(?<=[.!?)])\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();
}
