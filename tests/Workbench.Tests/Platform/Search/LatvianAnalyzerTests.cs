using Workbench.Abstractions.Search;

namespace Workbench.Tests.Platform.Search;

/// <summary>
/// Full declension tables, written down for these tests from the standard Latvian paradigms:
/// nominative, genitive, dative, accusative, locative (and vocative where it differs), singular and plural.
/// Every form of one word must get the same stem, with and without diacritics.
/// </summary>
public sealed class LatvianAnalyzerTests
{
    public static TheoryData<string, string[]> Declensions => new()
    {
        // 1st declension (masculine -s, -š)
        { "galds", ["galds", "galda", "galdam", "galdu", "galdā", "galdi", "galdu", "galdiem", "galdus", "galdos"] },
        { "lēmums", ["lēmums", "lēmuma", "lēmumam", "lēmumu", "lēmumā", "lēmumi", "lēmumiem", "lēmumus", "lēmumos"] },
        { "ceļš", ["ceļš", "ceļa", "ceļam", "ceļu", "ceļā", "ceļi", "ceļiem", "ceļus", "ceļos"] },
        { "pakalpojums", ["pakalpojums", "pakalpojuma", "pakalpojumam", "pakalpojumu", "pakalpojumā", "pakalpojumi", "pakalpojumiem", "pakalpojumus", "pakalpojumos"] },
        // 2nd declension (masculine -is, -s) with consonant alternation
        { "brālis", ["brālis", "brāļa", "brālim", "brāli", "brālī", "brāļi", "brāļu", "brāļiem", "brāļus", "brāļos"] },
        { "akmens", ["akmens", "akmenim", "akmeni", "akmenī", "akmeņi", "akmeņu", "akmeņiem", "akmeņus", "akmeņos"] },
        { "ūdens", ["ūdens", "ūdenim", "ūdeni", "ūdenī", "ūdeņi", "ūdeņu", "ūdeņiem", "ūdeņus", "ūdeņos"] },
        { "lācis", ["lācis", "lāča", "lācim", "lāci", "lācī", "lāči", "lāču", "lāčiem", "lāčus", "lāčos"] },
        { "kurmis", ["kurmis", "kurmja", "kurmim", "kurmi", "kurmī", "kurmji", "kurmju", "kurmjiem", "kurmjus", "kurmjos"] },
        { "briedis", ["briedis", "brieža", "briedim", "briedi", "briedī", "brieži", "briežu", "briežiem", "briežus", "briežos"] },
        { "dadzis", ["dadzis", "dadža", "dadzim", "dadzi", "dadzī", "dadži", "dadžu", "dadžiem", "dadžus", "dadžos"] },
        // 3rd declension (masculine -us)
        { "tirgus", ["tirgus", "tirgum", "tirgu", "tirgū", "tirgi", "tirgiem", "tirgos"] },
        // 4th declension (feminine -a)
        { "lapa", ["lapa", "lapas", "lapai", "lapu", "lapā", "lapām", "lapās"] },
        { "pašvaldība", ["pašvaldība", "pašvaldības", "pašvaldībai", "pašvaldību", "pašvaldībā", "pašvaldībām", "pašvaldībās"] },
        // 5th declension (feminine -e) with the genitive-plural alternation
        { "egle", ["egle", "egles", "eglei", "egli", "eglē", "egļu", "eglēm", "eglēs"] },
        { "zvaigzne", ["zvaigzne", "zvaigznes", "zvaigznei", "zvaigzni", "zvaigznē", "zvaigžņu", "zvaigznēm", "zvaigznēs"] },
        { "sēde", ["sēde", "sēdes", "sēdei", "sēdi", "sēdē", "sēžu", "sēdēm", "sēdēs"] },
        { "upe", ["upe", "upes", "upei", "upi", "upē", "upju", "upēm", "upēs"] },
        { "roze", ["roze", "rozes", "rozei", "rozi", "rozē", "rožu", "rozēm", "rozēs"] },
        // 6th declension (feminine -s)
        { "sirds", ["sirds", "sirdij", "sirdi", "sirdī", "sirdis", "siržu", "sirdīm", "sirdīs"] },
        { "zivs", ["zivs", "zivij", "zivi", "zivī", "zivis", "zivju", "zivīm", "zivīs"] },
        // Adjectives, indefinite and definite, masculine and feminine
        { "labs", ["labs", "laba", "labam", "labu", "labā", "labi", "labiem", "labus", "labos", "labas", "labai", "labām", "labās",
                   "labais", "labajam", "labo", "labajā", "labie", "labajiem", "labajos", "labajai", "labajām", "labajās"] },
        { "zaļš", ["zaļš", "zaļa", "zaļam", "zaļu", "zaļā", "zaļi", "zaļiem", "zaļus", "zaļos", "zaļas", "zaļai", "zaļām", "zaļās", "zaļais", "zaļo", "zaļie"] },
    };

    [Theory]
    [MemberData(nameof(Declensions))]
    public void Every_case_and_number_gets_one_stem(string lemma, string[] forms)
    {
        var stem = LatvianAnalyzer.Stem(lemma);
        var folded = LatvianAnalyzer.FoldedStem(lemma);
        foreach (var form in forms)
        {
            Assert.True(stem == LatvianAnalyzer.Stem(form), $"{form}: {LatvianAnalyzer.Stem(form)} ≠ {stem}");
            // Typed without diacritics (as on a keyboard without a Latvian layout) the folded stems meet.
            Assert.True(folded == LatvianAnalyzer.FoldedStem(LatvianAnalyzer.Fold(form)), $"{form} folded: {LatvianAnalyzer.FoldedStem(LatvianAnalyzer.Fold(form))} ≠ {folded}");
        }
    }

    [Theory]
    [InlineData("lēmums", "sēde")]
    [InlineData("galds", "gals")]
    [InlineData("lapa", "lāpa")]
    public void Different_words_keep_different_exact_stems(string a, string b) =>
        Assert.NotEqual(LatvianAnalyzer.Stem(a), LatvianAnalyzer.Stem(b));

    [Fact]
    public void Folding_removes_latvian_diacritics_only()
    {
        Assert.Equal("sede lemums gimene kemeri lacis cels zirnis", LatvianAnalyzer.Fold("sēde lēmums ģimene ķemeri lācis ceļš žirnis"));
        Assert.Equal("zirgs ZIRGS 2026", LatvianAnalyzer.Fold("zirgs ZIRGS 2026"));
    }

    [Fact]
    public void Tokenizer_lower_cases_and_splits_on_punctuation()
    {
        Assert.Equal(["rīgas", "domes", "sēde", "nr", "12", "2026"], LatvianAnalyzer.Tokenize("Rīgas DOMES sēde (Nr. 12/2026)"));
        Assert.Equal(["e", "pakalpojums"], LatvianAnalyzer.Tokenize("e-pakalpojums"));
    }

    [Fact]
    public void Short_words_and_numbers_are_kept_whole()
    {
        Assert.Equal("es", LatvianAnalyzer.Stem("es"));
        Assert.Equal("2026", LatvianAnalyzer.Stem("2026"));
        Assert.Equal("a12", LatvianAnalyzer.Stem("a12"));
    }
}
