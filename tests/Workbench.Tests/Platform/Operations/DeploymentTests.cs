using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Operations;

/// <summary>
/// The files in <c>deploy/</c>, used as they are: the systemd unit passes systemd's own check, and the real host behind
/// a real nginx with the Workbench proxy snippet serves pages, caches static files, refuses oversized uploads at the
/// proxy and passes live events through at once.
/// </summary>
public sealed class DeploymentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_systemd_unit_passes_systemds_check()
    {
        var result = await ProcessRunner.RunAsync("systemd-analyze", ["verify", Path.Combine(Repository.Deploy, "workbench.service")]);
        Assert.True(result.ExitCode == 0 && result.Error.Trim().Length == 0, $"{result.Output}\n{result.Error}");
    }

    [Fact]
    public async Task Behind_nginx_pages_static_files_uploads_and_live_events_work()
    {
        await using var host = await HostProcess.StartAsync();
        await using var nginx = await Nginx.StartAsync(host.BaseAddress.Port);
        using var client = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var page = await client.GetAsync("/riga/", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("nginx", page.Headers.Server.ToString());
        Assert.True(page.Headers.Contains("Content-Security-Policy"), "the host's headers pass through");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);

        var css = await client.GetAsync("/_content/Workbench.Themes.Admin/admin.css", Ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.True(css.Headers.CacheControl?.Public, "static files are cacheable");

        // The proxy refuses an upload past its limit before the host reads it.
        var tooLarge = await client.PostAsync("/riga/api/kb/00000000-0000-0000-0000-000000000001/attachments", new ByteArrayContent(new byte[31 * 1024 * 1024]), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        // A live screen gets the quorum at once: nginx does not hold the event in its buffer.
        var meeting = (await client.GetFromJsonAsync<List<JsonElement>>("/riga/api/council/meetings", Ct))!.First().GetProperty("id").GetString();
        using var stream = await client.GetStreamAsync($"/riga/api/council/meetings/{meeting}/quorum/stream", Ct);
        using var reader = new StreamReader(stream);
        using var soon = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        soon.CancelAfter(TimeSpan.FromSeconds(5));
        string? line;
        do line = await reader.ReadLineAsync(soon.Token);
        while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));
        Assert.Contains("present", line);
    }

    [Fact]
    public async Task Two_nodes_on_one_postgres_share_sign_ins_feature_changes_and_live_screens_and_nginx_rides_over_a_killed_node()
    {
        // Everything shared lives in PostgreSQL; the nodes share the audit key and the key-ring certificate, as the
        // install section asks. Each node has a data folder of its own (logs, nothing else).
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var shared = Repository.NewTempFolder("wb-nodes");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        using (var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=test key ring", rsa,
                   System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
                   .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)))
            await File.WriteAllBytesAsync(Path.Combine(shared, "keyring.pfx"), certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), Ct);
        var settings = new Dictionary<string, string>
        {
            ["Workbench__HostDatabaseProvider"] = "Postgres",
            ["Workbench__HostConnectionString"] = Postgres.Database($"wb_nodes_{suffix}"),
            ["Workbench__Audit__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Workbench__DataProtection__Certificate"] = Path.Combine(shared, "keyring.pfx"),
        };
        foreach (var (name, i) in new[] { "competence-centre", "riga", "ventspils", "smiltene" }.Select((n, i) => (n, i)))
        {
            settings[$"Workbench__Tenants__{i}__Name"] = name;
            settings[$"Workbench__Tenants__{i}__Recipe"] = name;
            settings[$"Workbench__Tenants__{i}__DatabaseProvider"] = "Postgres";
            settings[$"Workbench__Tenants__{i}__ConnectionString"] = Postgres.Database($"wb_{name.Replace('-', '_')}_{suffix}");
        }
        try
        {
            await using var nodeA = await HostProcess.StartAsync(settings: settings);
            await using var nodeB = await HostProcess.StartAsync(settings: settings);

            // Signed in through A, the same cookie works on B.
            using var signIn = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = nodeA.BaseAddress };
            var cookie = await JsonApi.StaffCookieAsync(signIn, "riga");
            HttpClient On(HostProcess node) => new() { BaseAddress = node.BaseAddress, DefaultRequestHeaders = { { "Cookie", cookie } } };
            using var a = On(nodeA);
            using var b = On(nodeB);
            Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/riga/api/admin/users", Ct)).StatusCode);

            // A feature switched off through B is off on A within 2 seconds.
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/riga/api/notices", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await b.PostAsync("/riga/api/admin/features/Workbench.Notices/disable", null, Ct)).StatusCode);
            var watch = Stopwatch.StartNew();
            while ((await a.GetAsync("/riga/api/notices", Ct)).StatusCode != HttpStatusCode.NotFound && watch.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50, Ct);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"node A still served the feature after {watch.Elapsed.TotalSeconds:0.0} s");

            // A live screen on B follows what is recorded through A within a second (PostgreSQL LISTEN/NOTIFY between nodes).
            var council = await JsonApi.CreatedAsync(a, "/riga/api/council/bodies", new { name = "Divu mezglu komiteja", kind = "Committee" });
            var councilId = council.GetProperty("id").GetGuid();
            var member = (await JsonApi.CreatedAsync(a, "/riga/api/council/people", new { name = "Loceklis divos mezglos" })).GetProperty("id").GetGuid();
            await JsonApi.CreatedAsync(a, $"/riga/api/council/bodies/{councilId}/members", new { personId = member, role = "Member", votingRight = true, start = "2026-01-01" });
            var meetingId = (await JsonApi.CreatedAsync(a, "/riga/api/council/meetings", new { bodyId = councilId, startsAt = "2026-12-10T09:00:00Z", place = "Zāle", chairId = member })).GetProperty("id").GetGuid();
            await JsonApi.CreatedAsync(a, $"/riga/api/council/meetings/{meetingId}/agenda", new { title = "Par divu mezglu darbību" });
            foreach (var step in new[] { "convene", "open" }) (await a.PostAsync($"/riga/api/council/meetings/{meetingId}/{step}", null, Ct)).EnsureSuccessStatusCode();
            using var screen = await b.GetAsync($"/riga/api/council/meetings/{meetingId}/quorum/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
            screen.EnsureSuccessStatusCode();
            using var events = new StreamReader(await screen.Content.ReadAsStreamAsync(Ct));
            async Task<JsonElement> NextQuorumAsync()
            {
                while (await events.ReadLineAsync(Ct) is { } line)
                    if (line.StartsWith("data: ", StringComparison.Ordinal)) return JsonDocument.Parse(line[6..]).RootElement;
                throw new InvalidOperationException("the stream ended");
            }
            Assert.Equal(0, (await NextQuorumAsync()).GetProperty("present").GetInt32());
            var recorded = Stopwatch.StartNew();
            (await a.PutAsJsonAsync($"/riga/api/council/meetings/{meetingId}/attendance/{member}", new { mode = "InRoom" }, Ct)).EnsureSuccessStatusCode();
            var arrived = await NextQuorumAsync().WaitAsync(TimeSpan.FromSeconds(5), Ct);
            Assert.Equal((1, true), (arrived.GetProperty("present").GetInt32(), arrived.GetProperty("quorum").GetBoolean()));
            Assert.True(recorded.Elapsed < TimeSpan.FromSeconds(1), $"the screen on node B showed the arrival after {recorded.Elapsed.TotalSeconds:0.0} s");

            // Behind nginx, a node killed mid-stream costs no request: nginx passes it to the other node.
            await using var nginx = await Nginx.StartAsync(nodeA.BaseAddress.Port, nodeB.BaseAddress.Port);
            using var visitor = new HttpClient { BaseAddress = nginx.BaseAddress };
            for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/riga/api/service-cards", Ct)).StatusCode);
            await nodeA.KillAsync();
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < 20; i++) answers.Add((await visitor.GetAsync(i % 2 == 0 ? "/riga/" : "/riga/api/service-cards", Ct)).StatusCode);
            Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        }
        finally
        {
            try { Directory.Delete(shared, recursive: true); } catch (IOException) { }
        }
    }
}
