using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Workbench.Platform.Localization;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Hosting;

public sealed partial class LocalizationTests(HostFixture host)
{
    private static readonly CultureInfo English = new("en-US");

    [Fact]
    public void A_message_is_found_as_written_by_its_template_or_sentence_by_sentence()
    {
        var localizer = new JsonStringLocalizer(new Dictionary<string, string>
        {
            ["Fails ir tukšs."] = "The file is empty.",
            ["Fails ir lielāks par {0} MB."] = "The file is larger than {0} MB.",
            ["Nav kvoruma: klāt {0} no {1} balsstiesīgajiem."] = "No quorum: {0} of {1} members with a vote are present.",
        });
        Assert.Equal("The file is empty.", localizer.Translate("Fails ir tukšs.", English).Value);
        Assert.Equal("The file is larger than 20 MB.", localizer.Translate("Fails ir lielāks par 20 MB.", English).Value);
        Assert.Equal("No quorum: 7 of 15 members with a vote are present.", localizer.Translate("Nav kvoruma: klāt 7 no 15 balsstiesīgajiem.", English).Value);
        // A form's summary joins several messages: each is translated, an unknown one stays as written.
        Assert.Equal("The file is empty. Kaut kas cits.", localizer.Translate("Fails ir tukšs. Kaut kas cits.", English).Value);
        var unknown = localizer.Translate("Nezināms teksts.", English);
        Assert.True(unknown.ResourceNotFound);
        Assert.Equal("Nezināms teksts.", unknown.Value);
        Assert.Equal("Fails ir tukšs.", localizer.Translate("Fails ir tukšs.", new CultureInfo("lv-LV")).Value);
    }

    /// <summary>
    /// Services write Latvian only; an API caller gets the municipality's language by default and English with
    /// Accept-Language — for refusals a service threw and validation problems an endpoint returned alike.
    /// </summary>
    [Fact]
    public async Task An_api_refusal_speaks_the_callers_language()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await host.AdminClientAsync("riga");
        async Task<string> RefusalAsync(string? language, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await admin.SendAsync(request, ct);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            // Every text in the problem (title, detail, each field's messages), as a person would read them.
            static IEnumerable<string> Texts(System.Text.Json.JsonElement e) => e.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => [e.GetString()!],
                System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Texts(p.Value)),
                System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(Texts),
                _ => [],
            };
            using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return string.Join("\n", Texts(problem.RootElement));
        }
        const string feature = "/riga/api/admin/features/No.Such.Feature/enable";
        var latvian = await RefusalAsync(null, feature);
        Assert.Contains("Nezināma funkcija \"No.Such.Feature\".", latvian);
        Assert.DoesNotContain("nknown", latvian);
        var english = await RefusalAsync("en-GB,en;q=0.9", feature);
        Assert.Contains("Unknown feature \"No.Such.Feature\".", english);
        Assert.DoesNotContain("Nezināma", english);

        // A page keeps the person's or the municipality's language whatever the browser sends.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/riga/admin");
        page.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Contains("lang=\"lv\"", await (await admin.SendAsync(page, ct)).Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public void Every_latvian_ui_text_has_an_english_translation()
    {
        var factory = new JsonStringLocalizerFactory([typeof(Workbench.Abstractions.Refusals).Assembly, typeof(Workbench.Platform.PlatformManifest).Assembly, typeof(Program).Assembly, typeof(Workbench.Notices.NoticesManifest).Assembly, typeof(Workbench.ServiceCards.ServiceCardsManifest).Assembly, typeof(Workbench.KnowledgeBase.KnowledgeBaseManifest).Assembly, typeof(Workbench.CouncilSessions.CouncilSessionsManifest).Assembly, typeof(Workbench.DocumentRegister.DocumentRegisterManifest).Assembly, typeof(Workbench.CivilProtection.CivilProtectionManifest).Assembly, typeof(Workbench.Cemetery.CemeteryManifest).Assembly, typeof(Workbench.Benefits.BenefitsManifest).Assembly]);
        var localizer = factory.Create(typeof(LocalizationTests));
        var texts = Directory.GetFiles(Repository.Root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Template{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Text().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(texts);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en-US");
            Assert.DoesNotContain(texts, t => localizer[t].ResourceNotFound);
            Assert.Equal("Modules", localizer["Moduļi"].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("lv-LV");
            Assert.Equal("Moduļi", localizer["Moduļi"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex("""T\["([^"]+)"\]""")]
    private static partial Regex Text();
}
