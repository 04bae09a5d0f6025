using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Workbench.Abstractions.Http;

/// <summary>Endpoints that read their body themselves (a recipe, a workflow definition, a CSV file) say what they read.</summary>
public static class RequestBodies
{
    /// <summary>
    /// Answers 415 unless the body is one of <paramref name="mediaTypes"/> (a browser cannot send those cross-site without
    /// asking first), and documents the body in OpenAPI.
    /// </summary>
    public static RouteHandlerBuilder RequiresBody(this RouteHandlerBuilder endpoint, params string[] mediaTypes) =>
        endpoint.Accepts<string>(mediaTypes[0], mediaTypes[1..]).AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            return MediaTypeHeaderValue.TryParse(request.ContentType, out var given) && mediaTypes.Any(m => given.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase))
                ? await next(context)
                : Results.Problem($"Pieprasījuma saturam jābūt {string.Join(" vai ", mediaTypes)}.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType);
        });
}
