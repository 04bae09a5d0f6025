using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.Cemetery;

/// <summary>The staff screens and the residents' grave search page, server-rendered.</summary>
public sealed class CemeteryPagesTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(await client.GetStringAsync(page, Ct));
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
    }

    [Fact]
    public async Task Staff_place_a_site_by_typing_its_corners_record_a_burial_see_it_in_the_day_plan_and_a_refusal_saves_nothing()
    {
        var tenant = await host.CreateTenantAsync("smiltene");
        var admin = await host.AdminClientAsync(tenant);
        var index = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/cemetery", Ct));
        Assert.Contains("Smiltenes Meža kapi", index);
        Assert.Contains("Tiesības, kas beidzas 60 dienās", index);
        var cemetery = (await JsonApi.CreatedAsync(admin, $"/{tenant}/api/cemeteries", new { name = "Variņu kapi", schemeWidth = 400, schemeHeight = 300 })).GetProperty("id").GetGuid();
        var range = await PostFormAsync(admin, $"/{tenant}/admin/cemetery/{cemetery}", "Range", new() { ["from"] = "1A-1", ["to"] = "1A-3", ["type"] = "Single", ["capacity"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, range.StatusCode);
        var sites = (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemeteries/{cemetery}/sites", Ct)).EnumerateArray().ToList();
        Assert.Equal(3, sites.Count);
        var site = sites[0].GetProperty("id").GetGuid();
        var page = $"/{tenant}/admin/cemetery/sites/{site}";

        var outside = await PostFormAsync(admin, page, "Place", new() { ["points"] = "10,10 500,10 500,50" });
        Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);
        Assert.Contains("ir ārpus shēmas", WebUtility.HtmlDecode(await admin.GetStringAsync(page, Ct)));
        Assert.Equal(JsonValueKind.Null, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/sites/{site}", Ct)).GetProperty("site").GetProperty("polygon").ValueKind);
        await PostFormAsync(admin, page, "Place", new() { ["points"] = "100,100 130,100 130,140 100,140" });
        Assert.Equal(4, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/cemetery/sites/{site}", Ct)).GetProperty("site").GetProperty("polygon").GetArrayLength());

        var day = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd");
        var recorded = await PostFormAsync(admin, page, "Burial", new()
        {
            ["GivenName"] = "Kārlis", ["FamilyName"] = "Eglītis", ["DeathDate"] = DateTime.UtcNow.Date.AddDays(-2).ToString("yyyy-MM-dd"), ["BurialDate"] = day, ["SlotStart"] = "12:00", ["Type"] = "Coffin",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var sitePage = WebUtility.HtmlDecode(await admin.GetStringAsync(page, Ct));
        Assert.Contains("Apbedījums reģistrēts: Kārlis Eglītis", sitePage);
        Assert.Contains("class=\"site highlighted\"", sitePage);
        // The site is full now: a second coffin is refused with the reason, and nothing is saved.
        await PostFormAsync(admin, page, "Burial", new() { ["FamilyName"] = "Lapa", ["BurialDate"] = "2025-05-05", ["Type"] = "Coffin" });
        Assert.Contains("1 no 1 vietām aizņemtas", WebUtility.HtmlDecode(await admin.GetStringAsync(page, Ct)));
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/burials?siteId={site}", Ct)).GetArrayLength());

        var plan = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/cemetery/{cemetery}/day?date={day}", Ct));
        Assert.Contains("Kārlis Eglītis", plan);
        Assert.Contains("12:00–14:00", plan);
        var scheme = WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/cemetery/{cemetery}?q=eglitis", Ct));
        Assert.Contains($"id=\"site-{site}\" data-number=\"1A-1\" points=\"100,100 130,100 130,140 100,140\" fill=\"#b9c7e4\" stroke=\"#c00000\"", scheme);
        Assert.Contains("Kārlis Eglītis", scheme);
        Assert.Contains("Uzturēšanas tiesības", WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/admin/cemetery/use-rights?days=3650", Ct)));

        // Without the right to manage, the forms are not offered and a post is refused.
        var viewer = await host.UserClientAsync(tenant, "skatitajs-" + Guid.NewGuid().ToString("N")[..6] + "@example.lv", "Viewer");
        Assert.DoesNotContain("handler=Burial", await viewer.GetStringAsync(page, Ct));
        var refused = await PostFormAsync(viewer, page, "Burial", new() { ["FamilyName"] = "Lapa", ["BurialDate"] = "2025-05-05", ["Type"] = "Coffin" });
        // Forbidden: sent to the access-denied page, not back to the site with a message.
        Assert.DoesNotContain("/admin/cemetery/sites/", refused.Headers.Location?.ToString() ?? "");
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/burials?siteId={site}", Ct)).GetArrayLength());
        var anonymous = await host.AnonymousClient().GetAsync(page, Ct);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.DoesNotContain("Eglītis", await anonymous.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_resident_searches_without_diacritics_and_sees_the_grave_on_the_scheme_without_any_personal_code()
    {
        var resident = host.AnonymousClient();
        var admin = await host.AdminClientAsync("smiltene");
        var someone = (await admin.GetFromJsonAsync<JsonElement>("/smiltene/api/burials", Ct)).EnumerateArray()
            .First(b => !b.GetProperty("doNotPublish").GetBoolean() && DateOnly.Parse(b.GetProperty("burialDate").GetString()!) < DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-60)));
        var family = someone.GetProperty("familyName").GetString()!;
        var folded = new string(family.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
        var html = WebUtility.HtmlDecode(await resident.GetStringAsync($"/smiltene/kapi?name={Uri.EscapeDataString(folded.ToLowerInvariant())}", Ct));
        Assert.Contains("<html lang=\"lv\"", html);
        Assert.Contains(family, html);
        Assert.Contains("class=\"site highlighted\"", html);
        Assert.Contains("Smiltenes", html);
        Assert.DoesNotMatch(@"\d{6}-\d{5}", html);
        var empty = WebUtility.HtmlDecode(await resident.GetStringAsync("/smiltene/kapi?name=x", Ct));
        Assert.Contains("vismaz 2 burtus", empty);
        Assert.Contains("role=\"alert\"", empty);
    }
}
