using System.Net;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Operations;

/// <summary>
/// What an operator deploys: <c>dotnet publish</c> of the host, started from the publish folder (not the checkout),
/// with every demo tenant running and a page of each module served.
/// </summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Published_host_starts_every_tenant_and_serves_a_page_of_each_module()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = Repository.NewTempFolder("wb-publish");
        try
        {
            await ProcessRunner.DotnetAsync(Repository.Root, "publish", "host/Workbench.Host", "-c", "Release", "-o", output, "-nologo");
            Assert.True(File.Exists(Path.Combine(output, "recipes", "riga.recipe.json")), "recipes are published beside the host");

            await using var host = await HostProcess.StartAsync(Path.Combine(output, "Workbench.Host.dll"));
            using var client = new HttpClient { BaseAddress = host.BaseAddress };

            using var health = JsonDocument.Parse(await client.GetStringAsync("/health", ct));
            var tenants = health.RootElement.GetProperty("tenants").EnumerateArray()
                .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("state").GetString());
            Assert.Equal(["competence-centre", "riga", "smiltene", "ventspils"], tenants.Keys.Order());
            Assert.All(tenants.Values, state => Assert.Equal("Running", state));

            foreach (var page in new[] { "/riga/", "/riga/notices", "/riga/services", "/riga/kb", "/riga/council", "/riga/search?q=pakalpojums", "/riga/signin" })
            {
                using var response = await client.GetAsync(page, ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}\n{host.RecentProblems}");
            }
            // Static assets of the themes and modules come from the published wwwroot.
            using var script = await client.GetAsync("/_content/Workbench.CouncilSessions/council.js", ct);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
        finally
        {
            try { Directory.Delete(output, recursive: true); } catch (IOException) { }
        }
    }
}
