using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Workbench.Abstractions.Modules;
using Workbench.Platform.Hosting;

namespace Workbench.Host.Api;

/// <summary>
/// The answers the platform gives before or around any endpoint — sign-in and permission checks, the cross-site guard,
/// body parsing, the rate limiter, a module not enabled in the municipality, a database that is down — declared on every
/// operation they apply to, so the document lists every status a client can get. What an endpoint answers itself it
/// declares itself (typed results, <c>ProducesProblem</c>); a battery fails on any status an operation does not declare.
/// </summary>
internal static class OpenApiResponses
{
    public static OpenApiOptions DescribePlatformResponses(this OpenApiOptions options) =>
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var description = context.Description;
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var method = description.HttpMethod ?? "GET";
            var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: ct);
            void Add(int status, string text)
            {
                operation.Responses ??= [];
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!operation.Responses.ContainsKey(key))
                    operation.Responses[key] = new OpenApiResponse { Description = text, Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } } };
            }

            var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            if (signedIn) Add(StatusCodes.Status401Unauthorized, "Not signed in to this municipality (no cookie or bearer token for it).");
            var changes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
            if (signedIn || changes) Add(StatusCodes.Status403Forbidden, signedIn ? "Signed in without the permission the operation needs, or a change sent from another site." : "A change sent from another site.");
            var body = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile)
                || metadata.OfType<IAcceptsMetadata>().Any();
            if (body || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query))
                Add(StatusCodes.Status400BadRequest, "The request cannot be read (malformed JSON, a value of the wrong type or out of range).");
            if (body) Add(StatusCodes.Status415UnsupportedMediaType, "The body is not of a type the operation reads.");
            if (metadata.OfType<RequiresFeatureAttribute>().Any()) Add(StatusCodes.Status404NotFound, "Not found: no such record, or the module is not enabled in this municipality.");
            if (Protection.IsRateLimited(method, "/" + description.RelativePath?.TrimEnd('/')))
                Add(StatusCodes.Status429TooManyRequests, "Too many attempts from this address; Retry-After says when to try again.");
            Add(StatusCodes.Status503ServiceUnavailable, "The database is unavailable for a moment; Retry-After says when to try again.");
        });
}
