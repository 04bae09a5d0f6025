using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Operations;

/// <summary>
/// The real host killed with SIGKILL at random moments while registrations and service cases (with outbox messages to a
/// PSPP stub) pour in, restarted on the same data each time: every write that was answered 2xx is there, numbering has
/// no duplicate or gap, the audit chain verifies, the database is intact, and every reported case reaches the stub.
/// </summary>
public sealed class CrashBatteryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Tenant = "riga";
    private const string DeclarationCard = "5c0c0001-0000-4000-8000-000000000001";
    private static readonly int Crashes = int.TryParse(Environment.GetEnvironmentVariable("WORKBENCH_CRASHES"), out var n) ? n : 10;

    [Fact]
    public async Task Nothing_acknowledged_is_lost_when_the_host_is_killed_under_load()
    {
        var data = Repository.NewTempFolder("wb-crash");
        await using var stub = await StubServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Workbench__Integrations__Pspp__Url"] = stub.Url,
            ["Workbench__OutboxPollSeconds"] = "0.2",
            ["Workbench__OutboxRetryBaseSeconds"] = "0",
            // A message claimed by a node that was killed is delivered after the lease runs out.
            ["Workbench__OutboxLeaseSeconds"] = "2",
        };
        var documents = new ConcurrentDictionary<string, string>();
        var cases = new ConcurrentBag<string>();
        var random = new Random(2026);
        try
        {
            for (var crash = 0; crash < Crashes; crash++)
            {
                await using var host = await HostProcess.StartAsync(dataPath: data, settings: settings);
                var client = await SignInAsync(host);
                var (register, caseFile) = await RegisterAndCaseFileAsync(client);
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        try
                        {
                            if (i % 3 == 2)
                            {
                                var created = await client.PostAsJsonAsync($"/{Tenant}/api/service-cases", new { cardId = DeclarationCard, channel = "EService", clientReference = $"K-{crash}-{w}-{i}", plannedCompletion = "2026-12-31" }, stop.Token);
                                if (created.StatusCode == HttpStatusCode.Created) cases.Add((await created.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("id").GetString()!);
                            }
                            else
                            {
                                var created = await client.PostAsJsonAsync($"/{Tenant}/api/documents", new { registerId = register, caseFileId = caseFile, title = $"Iesniegums {crash}-{w}-{i}", correspondent = "Iedzīvotājs", documentDate = "2026-12-07" }, stop.Token);
                                if (created.StatusCode == HttpStatusCode.Created)
                                {
                                    var document = await created.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
                                    documents[document.GetProperty("id").GetString()!] = document.GetProperty("registrationNumber").GetString()!;
                                }
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException) { /* the host is gone: not acknowledged */ }
                    }
                }, Ct)).ToList();
                await Task.Delay(random.Next(400, 2500), Ct);
                await host.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            await using (var final = await HostProcess.StartAsync(dataPath: data, settings: settings))
            {
                var client = await SignInAsync(final);
                var (register, _) = await RegisterAndCaseFileAsync(client);
                // Every acknowledged registration is there, with the number it was given.
                foreach (var (id, number) in documents)
                {
                    var document = await client.GetFromJsonAsync<JsonElement>($"/{Tenant}/api/documents/{id}", Ct);
                    Assert.Equal(number, document.GetProperty("registrationNumber").GetString());
                }
                var numbers = new List<int>();
                for (var skip = 0; ; skip += 500)
                {
                    var page = await client.GetFromJsonAsync<JsonElement>($"/{Tenant}/api/documents?registerId={register}&skip={skip}&take=500", Ct);
                    numbers.AddRange(page.GetProperty("items").EnumerateArray().Select(d => int.Parse(d.GetProperty("registrationNumber").GetString()!.Split('/').Last())));
                    if (page.GetProperty("items").GetArrayLength() < 500) break;
                }
                Assert.Equal(numbers.Count, numbers.Distinct().Count());
                Assert.Equal(Enumerable.Range(numbers.Min(), numbers.Count), numbers.Order());
                foreach (var id in cases)
                    Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Tenant}/api/service-cases/{id}", Ct)).StatusCode);
                var audit = await client.GetFromJsonAsync<JsonElement>($"/{Tenant}/api/admin/audit/verify", Ct);
                Assert.True(audit.GetProperty("valid").GetBoolean(), audit.ToString());

                // Every acknowledged case's report reaches the register (at least once; its key lets the register drop repeats).
                var expected = cases.Select(id => $"{id}:1").ToHashSet();
                for (var i = 0; i < 300 && !expected.IsSubsetOf(stub.Requests.Select(r => r.Key!)); i++) await Task.Delay(100, Ct);
                var received = stub.Requests.GroupBy(r => r.Key!).ToDictionary(g => g.Key, g => g.Count());
                Assert.DoesNotContain(expected, key => !received.ContainsKey(key));
                TestContext.Current.TestOutputHelper?.WriteLine(
                    $"crash battery: {Crashes} kills, {documents.Count} registrations and {cases.Count} service cases acknowledged, all present; " +
                    $"numbers 1..{numbers.Count} without gaps; audit verified ({audit.GetProperty("entriesChecked")} entries); " +
                    $"{received.Count} report keys received, {received.Values.Sum() - received.Count} repeated deliveries");
            }
            await JsonApi.AssertIntactAsync(Path.Combine(data, "tenants", Tenant, "workbench.db"));
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<HttpClient> SignInAsync(HostProcess host)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        (await client.PostAsJsonAsync($"/{Tenant}/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, Ct)).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<(string Register, string CaseFile)> RegisterAndCaseFileAsync(HttpClient client)
    {
        var register = (await client.GetFromJsonAsync<List<JsonElement>>($"/{Tenant}/api/document-registers", Ct))!.First(r => r.GetProperty("code").GetString() == "IEN");
        var caseFile = (await client.GetFromJsonAsync<List<JsonElement>>($"/{Tenant}/api/document-registers/file-plan", Ct))!.First(c => c.GetProperty("index").GetString() == "1-12");
        return (register.GetProperty("id").GetString()!, caseFile.GetProperty("id").GetString()!);
    }
}
