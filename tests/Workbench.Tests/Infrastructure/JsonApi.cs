using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workbench.Tests.Infrastructure;

/// <summary>Calls of the REST APIs that the tests make over and over.</summary>
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
}
