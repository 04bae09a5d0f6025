using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workbench.Tests.Infrastructure;

/// <summary>Calls and checks the tests make over and over.</summary>
public static class JsonApi
{
    /// <summary>POSTs <paramref name="body"/>, requires 201 Created (failing with the answer otherwise) and returns the created object.</summary>
    public static async Task<JsonElement> CreatedAsync(HttpClient client, string path, object body)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await client.PostAsJsonAsync(path, body, ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    /// <summary>
    /// Signs the administrator in to <paramref name="tenant"/> through a client that keeps no cookies and returns the
    /// staff cookie as a <c>Cookie</c> header value, to send where a browser would not (another node, another tenant).
    /// </summary>
    public static async Task<string> StaffCookieAsync(HttpClient withoutCookies, string tenant)
    {
        var response = await withoutCookies.PostAsJsonAsync($"/{tenant}/api/session", new { email = WorkbenchFactory.AdminEmail, password = WorkbenchFactory.AdminPassword }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>SQLite's own check of a database file: fails the test unless it says "ok".</summary>
    public static async Task AssertIntactAsync(string databasePath)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
