using System.Globalization;
using System.Text;

namespace Workbench.Abstractions.Search;

/// <summary>
/// Latvian analysis, the same at index and query time: lower-casing, a light stemmer for noun and adjective
/// inflection, and a second, diacritic-folded form (so <c>sede</c> finds <c>sēde</c>, while exact spelling ranks first).
/// </summary>
/// <remarks>
/// The stemmer strips the longest case ending of the six noun declensions and of indefinite and definite
/// adjectives, then undoes the consonant alternations that the genitive plural and the second declension bring
/// (egle/egļu, akmens/akmeņi, zvaigzne/zvaigžņu, brālis/brāļa, zivs/zivju, lācis/lāča, sirds/siržu, upe/upju),
/// by mapping the stem's final consonant to one canonical form. It is deliberately light: it conflates a few
/// unrelated stems (zut-/zus-), never verbs, and keeps at least two letters of every stem.
/// </remarks>
public static class LatvianAnalyzer
{
    // Longest first. Definite adjectives (-ajiem, -ajām, -ais, …), then nouns and indefinite adjectives.
    private static readonly string[] Endings =
    [
        "ajiem", "ajām", "ajās", "ajos", "ajam", "ajai", "ajā",
        "iem", "ais",
        "ām", "ās", "ēm", "ēs", "īm", "īs", "am", "ai", "as", "ei", "es", "is", "us", "os", "um", "im", "ij", "ie",
        "a", "ā", "e", "ē", "i", "ī", "o", "u", "ū", "s", "š",
    ];

    private static readonly string[] FoldedEndings = Endings.Select(Fold).Distinct().OrderByDescending(e => e.Length).ToArray();

    private const int MinimumStem = 2;

    /// <summary>Lower-cased words of the text, in order (letters and digits; everything else separates).</summary>
    public static IEnumerable<string> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }
        if (word.Length > 0) yield return word.ToString();
    }

    /// <summary>The stem with diacritics kept.</summary>
    public static string Stem(string word) => Normalize(StripEnding(word.ToLowerInvariant(), Endings));

    /// <summary>The stem of the diacritic-folded word.</summary>
    public static string FoldedStem(string word) => Normalize(StripEnding(Fold(word.ToLowerInvariant()), FoldedEndings));

    /// <summary>Stems of all words of a text, space-separated: what the index stores.</summary>
    public static string StemText(string? text) => string.Join(' ', Tokenize(text).Select(Stem));

    public static string FoldedStemText(string? text) => string.Join(' ', Tokenize(text).Select(FoldedStem));

    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string StripEnding(string word, string[] endings)
    {
        if (word.Any(char.IsDigit)) return word;
        foreach (var ending in endings)
            if (word.Length - ending.Length >= MinimumStem && word.EndsWith(ending, StringComparison.Ordinal))
                return word[..^ending.Length];
        return word;
    }

    /// <summary>Undoes consonant alternation at the end of a stem, so every form of a word gets one stem.</summary>
    private static string Normalize(string stem)
    {
        if (stem.Length < 2 || stem.Any(char.IsDigit)) return stem;
        var s = new StringBuilder(stem);
        // Labial + j (zivju, upju, kurmja, domju) → the bare labial.
        if (s.Length > 2 && s[^1] == 'j' && s[^2] is 'b' or 'm' or 'p' or 'v' or 'f') s.Length--;
        // ļ, ņ (egļu, akmeņi, brāļa) → l, n; and the š/ž before them (zvaigžņu, šņ, žļ) → s, z.
        if (s[^1] is 'ļ' or 'ņ')
        {
            s[^1] = s[^1] == 'ļ' ? 'l' : 'n';
            if (s.Length > 2 && s[^2] is 'š' or 'ž') s[^2] = s[^2] == 'š' ? 's' : 'z';
        }
        // dž → dz (dadzis/dadža), č → c (lācis/lāča).
        if (s.Length > 2 && s[^2] == 'd' && s[^1] == 'ž') s[^1] = 'z';
        else if (s[^1] == 'č') s[^1] = 'c';
        // s, š, t share one form (lasis/laša, zutis/zuša); so do z, ž, d (roze/rožu, sirds/siržu, briedis/brieža).
        else if (s[^1] is 'š' or 't') s[^1] = 's';
        else if (s[^1] is 'ž' or 'd' && !(s.Length > 2 && s[^2] == 'd')) s[^1] = 'z';
        return s.ToString();
    }
}
