using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Identity;

/// <summary>TOTP second factor (RFC 6238), the administrators' requirement, and the person's own account page.</summary>
public sealed partial class TwoFactorAndAccountTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The code an authenticator app shows: HMAC-SHA1 over the 30-second step, dynamic truncation, 6 digits.</summary>
    private static string Totp(string base32Key, DateTimeOffset? at = null)
    {
        var key = Base32(base32Key);
        var step = BitConverter.GetBytes(((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()) / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(step);
        var hash = HMACSHA1.HashData(key, step);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().Where(c => c != '=' && c != ' ').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) => Forms.AntiforgeryToken(await client.GetStringAsync(url, Ct));

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, url.Split('?')[0]);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>Sets up an authenticator for the signed-in person; returns its key and the recovery codes.</summary>
    private static async Task<(string Key, List<string> Recovery)> EnableAsync(HttpClient person, string tenant)
    {
        var page = await person.GetStringAsync($"/{tenant}/account/two-factor", Ct);
        var key = SharedKey().Match(page).Groups[1].Value.Replace(" ", "");
        Assert.NotEmpty(key);
        // The QR code, read by a real decoder (zbar), carries the same key.
        var png = Path.Combine(Repository.NewTempFolder("wb-qr"), "qr.png");
        await File.WriteAllBytesAsync(png, Convert.FromBase64String(QrCode().Match(WebUtility.HtmlDecode(page)).Groups[1].Value), Ct);
        var decoded = await ProcessRunner.RunAsync("zbarimg", ["--raw", "-q", png]);
        Assert.StartsWith("otpauth://totp/", decoded.Output.Trim());
        Assert.Contains("secret=" + key.ToUpperInvariant(), decoded.Output);
        var wrong = await PostFormAsync(person, $"/{tenant}/account/two-factor?handler=Enable", new() { ["code"] = "000000" == Totp(key) ? "111111" : "000000" });
        Assert.Contains("Kods nav pareizs", await wrong.Content.ReadAsStringAsync(Ct));
        var enabled = await PostFormAsync(person, $"/{tenant}/account/two-factor?handler=Enable", new() { ["code"] = Totp(key) });
        var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync(Ct)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(8, codes.Count);
        return (key, codes);
    }

    private async Task<HttpResponseMessage> ApiSignInAsync(HttpClient client, string tenant, string? code = null, string? password = null) =>
        await client.PostAsJsonAsync($"/{tenant}/api/session", new { email = WorkbenchFactory.AdminEmail, password = password ?? WorkbenchFactory.AdminPassword, code }, Ct);

    [Fact]
    public async Task With_an_authenticator_set_up_a_password_alone_no_longer_signs_in_a_code_or_a_recovery_code_once_does()
    {
        var tenant = await host.CreateTenantAsync("municipality-base");
        var admin = await host.AdminClientAsync(tenant);
        var (key, recovery) = await EnableAsync(admin, tenant);

        var withoutCode = await ApiSignInAsync(host.AnonymousClient(), tenant);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("Second factor required", await withoutCode.Content.ReadAsStringAsync(Ct));
        var wrongCode = await ApiSignInAsync(host.AnonymousClient(), tenant, Totp(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Contains("Nepareizs kods", await wrongCode.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NoContent, (await ApiSignInAsync(host.AnonymousClient(), tenant, Totp(key))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ApiSignInAsync(host.AnonymousClient(), tenant, recovery[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiSignInAsync(host.AnonymousClient(), tenant, recovery[0])).StatusCode);
        // A wrong password never reaches the second step.
        Assert.Contains("Nepareizs e-pasts vai parole", await (await ApiSignInAsync(host.AnonymousClient(), tenant, Totp(key), "Wrong-Password-123")).Content.ReadAsStringAsync(Ct));

        // The page flow: password, then the code page.
        var person = host.AnonymousClient();
        var first = await PostFormAsync(person, $"/{tenant}/signin", new() { ["email"] = WorkbenchFactory.AdminEmail, ["password"] = WorkbenchFactory.AdminPassword });
        Assert.Equal($"/{tenant}/signin/two-factor", first.Headers.Location!.OriginalString.Split('?')[0]);
        var second = await PostFormAsync(person, $"/{tenant}/signin/two-factor", new() { ["code"] = Totp(key) });
        Assert.Equal($"/{tenant}/admin", second.Headers.Location!.OriginalString);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/audit", Ct);
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("two-factor.enabled", actions);
        Assert.Contains("signin.second-factor-failed", actions);
        Assert.Contains("signin.password-accepted", actions);
    }

    [Fact]
    public async Task When_required_an_administrator_with_a_password_only_can_reach_nothing_but_the_second_factor_setup()
    {
        var tenant = await host.CreateTenantAsync("municipality-base");
        var settingsAdmin = await host.AdminClientAsync(tenant);
        Assert.Equal(HttpStatusCode.NoContent, (await settingsAdmin.PutAsJsonAsync($"/{tenant}/api/admin/sign-in", new { localAccounts = true, requireTwoFactorForAdministrators = true }, Ct)).StatusCode);

        var admin = await host.AdminClientAsync(tenant);
        var page = await admin.GetAsync($"/{tenant}/admin", Ct);
        Assert.Equal($"/{tenant}/account/two-factor?required=true", page.Headers.Location!.OriginalString);
        var api = await admin.GetAsync($"/{tenant}/api/admin/users", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("otro faktoru", await api.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Administratoriem šajā pašvaldībā jāizmanto otrais faktors", WebUtility.HtmlDecode(await admin.GetStringAsync($"/{tenant}/account/two-factor?required=true", Ct)));

        var (key, _) = await EnableAsync(admin, tenant);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/{tenant}/api/admin/users", Ct)).StatusCode);
        var again = host.AnonymousClient();
        Assert.Equal(HttpStatusCode.NoContent, (await ApiSignInAsync(again, tenant, Totp(key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/{tenant}/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_person_changes_their_name_and_password_and_the_old_password_stops_working()
    {
        var tenant = await host.CreateTenantAsync("municipality-base");
        var admin = await host.AdminClientAsync(tenant);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(admin, $"/{tenant}/account?handler=Profile", new() { ["displayName"] = "Ilze Ozoliņa" })).StatusCode);
        var wrong = await PostFormAsync(admin, $"/{tenant}/account?handler=Password", new() { ["currentPassword"] = "not-the-password-1", ["newPassword"] = "A-New-Password-2026" });
        Assert.Contains("Pašreizējā parole nav pareiza", await wrong.Content.ReadAsStringAsync(Ct));
        var weak = await PostFormAsync(admin, $"/{tenant}/account?handler=Password", new() { ["currentPassword"] = WorkbenchFactory.AdminPassword, ["newPassword"] = "short" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.DoesNotContain("Parole nomainīta", await weak.Content.ReadAsStringAsync(Ct));
        var changed = await PostFormAsync(admin, $"/{tenant}/account?handler=Password", new() { ["currentPassword"] = WorkbenchFactory.AdminPassword, ["newPassword"] = "A-New-Password-2026" });
        Assert.Contains("Parole nomainīta", await changed.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiSignInAsync(host.AnonymousClient(), tenant)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ApiSignInAsync(host.AnonymousClient(), tenant, password: "A-New-Password-2026")).StatusCode);
        var users = await admin.GetFromJsonAsync<JsonElement>($"/{tenant}/api/admin/users", Ct);
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("displayName").GetString() == "Ilze Ozoliņa");
    }


    [GeneratedRegex("<code id=\"shared-key\">([a-z0-9 ]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<img id=\"qr-code\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex QrCode();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
