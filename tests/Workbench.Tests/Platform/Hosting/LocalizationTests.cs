using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Workbench.Platform.Localization;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Hosting;

public sealed partial class LocalizationTests
{
    [Fact]
    public void Every_latvian_ui_text_has_an_english_translation()
    {
        var factory = new JsonStringLocalizerFactory([typeof(Program).Assembly, typeof(Workbench.Notices.NoticesManifest).Assembly, typeof(Workbench.ServiceCards.ServiceCardsManifest).Assembly, typeof(Workbench.KnowledgeBase.KnowledgeBaseManifest).Assembly, typeof(Workbench.CouncilSessions.CouncilSessionsManifest).Assembly, typeof(Workbench.DocumentRegister.DocumentRegisterManifest).Assembly]);
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
