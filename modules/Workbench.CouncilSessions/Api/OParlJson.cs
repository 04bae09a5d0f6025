using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Workbench.CouncilSessions.Api;

/// <summary>
/// 200 with an OParl object as JSON, declared in OpenAPI as <c>Ok&lt;T&gt;</c> is. Written as the OParl API always has
/// been: camelCase, every character outside ASCII escaped (<c>S\u0113de</c>), where the rest of the API writes it as is.
/// </summary>
public sealed class OParlJson<T>(T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public T Value => value;
    object? IValueHttpResult.Value => value;
    public int StatusCode => StatusCodes.Status200OK;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        return httpContext.Response.WriteAsJsonAsync(value, Options, ContentType, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

public static class OParlJson
{
    public static OParlJson<T> Ok<T>(T value) => new(value);
}
