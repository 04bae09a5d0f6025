using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;

namespace Workbench.Tests.Batteries;

/// <summary>
/// Malformed requests to every operation that takes a body or an upload, every recipe step and the CSV import, sent as
/// the administrator so that they reach validation: no answer is a server error, a refused request changes no row, and
/// none of it is logged as an error.
/// </summary>
public sealed class BadInputBatteryTests(BatteryHost host) : IClassFixture<BatteryHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Megabyte = "MB";

    /// <summary>Random mutations per body on top of the fixed variants: a few in CI, many from <c>bench/batteries.sh</c>.</summary>
    private static readonly int Fuzz = int.TryParse(Environment.GetEnvironmentVariable("WORKBENCH_BATTERY_FUZZ"), out var fuzz) ? fuzz : 3;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("WORKBENCH_BATTERY_SEED"), out var seed) ? seed : 2026;
    private readonly Random _random = new(Seed);
    private static readonly string LongText = new('ā', 512 * 1024);

    private sealed record Variant(string Label, Func<HttpContent> Content);

    private sealed class Findings
    {
        public int Requests, Refused, Accepted;
        public List<string> Problems { get; } = [];
    }

    [Fact]
    public async Task Malformed_bodies_uploads_recipes_and_csv_are_refused_without_server_errors_or_partial_writes()
    {
        var admins = new Dictionary<string, HttpClient>
        {
            [host.Tenant] = await host.AdminClientAsync(host.Tenant),
            [BatteryHost.CompetenceCentre] = await host.AdminClientAsync(BatteryHost.CompetenceCentre),
        };
        var findings = new Findings();
        var operations = host.Operations.All.Where(o => o.BodySchema is not null || o.IsUpload).ToList();
        foreach (var operation in operations)
        {
            var tenant = host.TenantFor(operation);
            var path = await host.ConcretePathAsync(operation, admins[tenant]);
            var variants = operation.IsUpload ? UploadVariants() : BodyVariants(operation.BodySchema!.Value);
            await SendAllAsync(findings, admins[tenant], tenant, operation, path, variants);
        }
        var recipeSteps = RecipeVariants().ToList();
        await SendAllAsync(findings, admins[host.Tenant], host.Tenant, Operation("POST", "/api/admin/recipes/run"), $"/{host.Tenant}/api/admin/recipes/run", recipeSteps);
        await SendAllAsync(findings, admins[host.Tenant], host.Tenant, Operation("POST", "/api/service-cards/import"), $"/{host.Tenant}/api/service-cards/import", CsvVariants());

        var errors = host.ErrorLogEntries();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"bad input: {operations.Count} operations, {recipeSteps.Count} recipe variants, {Fuzz} random mutations per body (seed {Seed}), {findings.Requests} requests ({findings.Refused} refused, {findings.Accepted} accepted), {findings.Problems.Count} problems, {errors.Count} error log entries");
        Assert.True(findings.Problems.Count == 0, $"{findings.Problems.Count} problems in {findings.Requests} requests:\n" + string.Join('\n', findings.Problems.Take(60)));
        Assert.True(errors.Count == 0, $"malformed input logged as errors:\n{string.Join('\n', errors.Take(10))}");
    }

    private ApiOperation Operation(string method, string path) => host.Operations.All.Single(o => o.Method == method && o.Path == path);

    private async Task SendAllAsync(Findings findings, HttpClient admin, string tenant, ApiOperation operation, string path, IEnumerable<Variant> variants)
    {
        var method = new HttpMethod(operation.Method);
        var before = await host.RowCountsAsync(tenant);
        foreach (var variant in variants)
        {
            using var request = new HttpRequestMessage(method, path) { Content = variant.Content() };
            using var response = await admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            findings.Requests++;
            var where = $"{operation} [{variant.Label}] → {(int)response.StatusCode}";
            if ((int)response.StatusCode >= 500) { findings.Problems.Add($"{where}: {body[..Math.Min(body.Length, 300)]}"); continue; }
            if (!operation.Declares((int)response.StatusCode)) findings.Problems.Add($"{where}, which its OpenAPI responses do not declare");
            if (body.Contains("   at ", StringComparison.Ordinal)) findings.Problems.Add($"{where}: a stack trace in the answer");
            var after = await host.RowCountsAsync(tenant);
            if (response.IsSuccessStatusCode) { findings.Accepted++; before = after; continue; }
            findings.Refused++;
            if (BatteryHost.Difference(before, after) is { Length: > 0 } changed) findings.Problems.Add($"{where} but rows changed: {changed}");
            before = after;
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent RawJson(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private IEnumerable<Variant> BodyVariants(JsonElement schema)
    {
        var api = host.Operations;
        var plausible = api.Plausible(schema);
        var text = plausible?.ToJsonString() ?? "{}";
        yield return new("plausible", () => Json(text));
        yield return new("Nederīgs JSON", () => Json("{\"title\": "));
        yield return new("empty body", () => Json(""));
        yield return new("array instead of object", () => Json("[1, 2]"));
        yield return new("null", () => Json("null"));
        yield return new("missing fields", () => Json("{}"));
        yield return new("text/plain", () => new StringContent(text, Encoding.UTF8, "text/plain"));
        yield return new("deep nesting", () => Json(new string('[', 5000) + new string(']', 5000)));
        yield return new($"1 {Megabyte} strings", () => Json(api.Plausible(schema, _ => LongText)?.ToJsonString() ?? "{}"));
        yield return new("lone surrogates", () => Json(api.Plausible(schema, _ => "\uFFFF")!.ToJsonString().Replace("\\uFFFF", "\\ud800", StringComparison.Ordinal)));
        yield return new("invalid UTF-8", () => RawJson(Encoding.UTF8.GetBytes(api.Plausible(schema, _ => "INVALID")?.ToJsonString() ?? "{\"x\":\"INVALID\"}")
            .ReplaceBytes("INVALID"u8.ToArray(), [0x41, 0xC3, 0x28, 0xFF])));
        yield return new("control characters", () => Json(api.Plausible(schema, _ => "a\u0000b\u001b[2Jc\r\nd")?.ToJsonString() ?? "{}"));
        for (var i = 0; i < Fuzz; i++)
        {
            var mutated = Mutate(Encoding.UTF8.GetBytes(text));
            var shown = Encoding.UTF8.GetString(mutated);
            yield return new($"random mutation {i}: {shown[..Math.Min(shown.Length, 60)]}", () => RawJson(mutated));
        }
        if (plausible is not JsonObject obj) yield break;
        yield return new("extra field", () => { var copy = (JsonObject)obj.DeepClone(); copy["notAField"] = 1; return Json(copy.ToJsonString()); });
        foreach (var (name, property) in api.Properties(schema))
        {
            var type = OpenApiOperations.TypeOf(property);
            var first = obj[name]?.ToJsonString() ?? "null";
            yield return new($"duplicate {name}", () => Json(obj.ToJsonString().TrimEnd('}') + (obj.Count > 0 ? "," : "") + $"\"{name}\": {first}}}"));
            yield return new($"{name}: wrong type", () => With(obj, name, type is "string" ? JsonNode.Parse("{\"a\": 1}") : JsonValue.Create("not-a-" + type)));
            if (property.TryGetProperty("enum", out _) || type == "integer")
                foreach (var value in new JsonNode?[] { 99, -1, "NoSuchValue", 2147483648L, 1e40 })
                    yield return new($"{name}: {value?.ToJsonString()}", () => With(obj, name, value?.DeepClone()));
            if (type == "number")
                foreach (var value in new JsonNode?[] { 1e308, -1e308 })
                    yield return new($"{name}: {value?.ToJsonString()}", () => With(obj, name, value?.DeepClone()));
            if (OpenApiOperations.Format(property) is "date" or "date-time")
                foreach (var value in new[] { "0000-00-00", "2026-02-30", "10000-01-01", "9999-12-31T23:59:60Z", "yesterday" })
                    yield return new($"{name}: {value}", () => With(obj, name, JsonValue.Create(value)));
        }
    }

    /// <summary>A few random edits of the bytes: JSON punctuation, escapes, control and non-ASCII bytes, cut or repeated slices.</summary>
    private byte[] Mutate(byte[] body)
    {
        var bytes = body.ToList();
        byte[][] pieces = ["{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "\""u8.ToArray(), ":"u8.ToArray(), ","u8.ToArray(), "\\u"u8.ToArray(),
            "\\ud800"u8.ToArray(), "null"u8.ToArray(), "-1e999"u8.ToArray(), [0x00], [0x1F], [0xC3], [0xFF], [0xE2, 0x80, 0xAE]];
        for (var edits = _random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(4))
            {
                case 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, _random.Next(1, 8))); break;
                case 1: bytes.InsertRange(at, pieces[_random.Next(pieces.Length)]); break;
                case 2: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, _random.Next(1, 32)))); break;
                default: bytes[at] = (byte)_random.Next(256); break;
            }
        }
        return [.. bytes];
    }

    private static StringContent With(JsonObject body, string name, JsonNode? value)
    {
        var copy = (JsonObject)body.DeepClone();
        copy[name] = value;
        return Json(copy.ToJsonString());
    }

    private static IEnumerable<Variant> UploadVariants()
    {
        static ByteArrayContent Multipart(string contentType, string body)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }
        const string part = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nteksts\r\n--b1--\r\n";
        yield return new("no boundary", () => Multipart("multipart/form-data", part));
        yield return new("truncated", () => Multipart("multipart/form-data; boundary=b1", part[..60]));
        yield return new("no closing boundary", () => Multipart("multipart/form-data; boundary=b1", part[..^8]));
        yield return new("empty", () => Multipart("multipart/form-data; boundary=b1", ""));
        yield return new("JSON instead of a form", () => Json("{}"));
        yield return new("another field name", () => Multipart("multipart/form-data; boundary=b1", part.Replace("name=\"file\"", "name=\"other\"", StringComparison.Ordinal)));
        yield return new("Fails ir tukšs", () => Multipart("multipart/form-data; boundary=b1", part.Replace("teksts", "", StringComparison.Ordinal)));
        foreach (var name in new[] { "../../../etc/passwd", "..\\..\\boot.ini", "/etc/shadow", "a\u0000b.txt", "", new string('x', 5000) + ".txt" })
            yield return new($"file name {name[..Math.Min(name.Length, 20)]}", () => Multipart("multipart/form-data; boundary=b1",
                part.Replace("filename=\"a.txt\"", $"filename=\"{name}\"", StringComparison.Ordinal).Replace("text/plain", "text/html", StringComparison.Ordinal)));
    }

    private IEnumerable<Variant> RecipeVariants()
    {
        using var scope = host.Services.CreateScope();
        var steps = scope.ServiceProvider.GetServices<IRecipeStepHandler>().Select(h => h.StepName).ToList();
        static Variant Recipe(string label, string steps) => new(label, () => Json($"{{\"name\": \"battery\", \"steps\": {steps}}}"));
        yield return new("recipe: duplicate key", () => Json("{\"name\": \"a\", \"name\": \"b\", \"steps\": []}"));
        yield return Recipe("recipe: steps not an array", "{}");
        yield return Recipe("recipe: unknown step", "[{\"name\": \"no-such-step\"}]");
        yield return Recipe("recipe: step without a name", "[{\"items\": []}]");
        foreach (var step in steps)
        {
            yield return Recipe($"{step}: items not an array", $"[{{\"name\": \"{step}\", \"items\": \"x\", \"enable\": \"x\", \"data\": \"x\"}}]");
            yield return Recipe($"{step}: items of the wrong kind", $"[{{\"name\": \"{step}\", \"items\": [1, null, \"x\", []], \"data\": [1, null], \"enable\": [1, null]}}]");
            yield return Recipe($"{step}: wrong types", $"[{{\"name\": \"{step}\", \"items\": [{{\"name\": 1, \"title\": [], \"email\": {{}}, \"id\": \"not-a-guid\", \"kind\": 99, \"direction\": -1, \"roles\": \"x\"}}]}}]");
            yield return Recipe($"{step}: lone surrogates", $"[{{\"name\": \"{step}\", \"items\": [{{\"name\": \"\\ud800\", \"title\": \"\\udfff\", \"email\": \"\\ud800@x.lv\"}}]}}]");
            yield return Recipe($"{step}: duplicate keys", $"[{{\"name\": \"{step}\", \"items\": [{{\"title\": \"a\", \"title\": \"b\"}}]}}]");
            yield return Recipe($"{step}: 1 {Megabyte} strings", $"[{{\"name\": \"{step}\", \"items\": [{{\"name\": \"{LongText}\", \"title\": \"{LongText}\"}}]}}]");
            yield return Recipe($"{step}: enum out of range", $"[{{\"name\": \"{step}\", \"items\": [{{\"kind\": 99, \"rule\": -1, \"direction\": 7, \"type\": \"NoSuchValue\", \"status\": 42}}]}}]");
        }
    }

    private static IEnumerable<Variant> CsvVariants()
    {
        static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");
        yield return new("CSV: empty", () => Csv(""));
        yield return new("CSV: header only", () => Csv("id;identifier;name\n"));
        yield return new("CSV: unbalanced quotes", () => Csv("id;identifier;name\n\"x;\"y\n"));
        yield return new("CSV: too many columns", () => Csv("id;identifier;name\n" + string.Join(';', Enumerable.Repeat("x", 500)) + "\n"));
        yield return new("CSV: 1 MB line", () => Csv("id;identifier;name\n;" + LongText + "\n"));
        yield return new("CSV: control characters", () => Csv("id;identifier;name\n;a\u0000b\n"));
        yield return new("CSV: lone surrogate", () => Csv("id;identifier;name\n;a\ud800b\n"));
        yield return new("CSV: binary", () => new ByteArrayContent([0x00, 0xFF, 0xFE, 0xC3, 0x28, 0x0A]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
        yield return new("CSV: unknown id", () => Csv("id;identifier;name\n" + Guid.NewGuid() + ";Nav tāda\n"));
        yield return new("CSV: not a GUID", () => Csv("id;identifier;name\nnot-a-guid;x\n"));
    }
}

internal static class ByteArrays
{
    public static byte[] ReplaceBytes(this byte[] source, byte[] find, byte[] with)
    {
        var result = new List<byte>(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (i + find.Length <= source.Length && source.AsSpan(i, find.Length).SequenceEqual(find)) { result.AddRange(with); i += find.Length - 1; }
            else result.Add(source[i]);
        }
        return [.. result];
    }
}
