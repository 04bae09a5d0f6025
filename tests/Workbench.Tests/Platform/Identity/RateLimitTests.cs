using System.Net;
using System.Net.Http.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Identity;

/// <summary>Credential endpoints refuse a flood from one address with 429 and say when to try again.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Password_sign_in_and_the_token_endpoint_answer_429_past_their_limit_per_minute()
    {
        await using var host = new WorkbenchFactory();
        host.Settings["Workbench:RateLimits:SignInPerMinute"] = "3";
        host.Settings["Workbench:RateLimits:TokenPerMinute"] = "2";
        await host.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var client = host.AnonymousClient();

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/riga/api/session", new { email = "guess@example.lv", password = $"guess-{i}-guess-guess" }, ct)).StatusCode);
        // The same endpoint with a trailing slash counts too.
        var refused = await client.PostAsJsonAsync("/riga/api/session/", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("Pārāk daudz mēģinājumu", await refused.Content.ReadAsStringAsync(ct));
        // Reading pages is not limited; provider callbacks (each one audited) are.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/riga/signin", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/riga/signin-oidc/workbench?code=x&state=y", ct)).StatusCode);

        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "nothing" });
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/competence-centre/connect/token", form(), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/competence-centre/connect/token", form(), ct)).StatusCode);
    }
}
