using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Workbench.Platform.Hosting;

/// <summary>
/// Security headers on every response (no <c>Server</c> header: Kestrel's is switched off), and rate limits on the endpoints that take credentials: password and
/// second-factor sign-in (page and API), provider callbacks, and the identity provider's token, revocation and
/// introspection endpoints, per client address.
/// </summary>
public static class Protection
{
    /// <summary>Scripts only from the host itself (no inline script, no eval); styles too, but for the brand colours' nonce.</summary>
    public static string ContentSecurityPolicy(string styleNonce) =>
        $"default-src 'self'; script-src 'self'; style-src 'self' 'nonce-{styleNonce}'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private static readonly string[] TokenPaths = ["/connect/token", "/connect/revoke", "/connect/introspect"];
    private static readonly string[] SignInPaths = ["/signin", "/api/session", "/signin/two-factor", "/account/two-factor"];
    /// <summary>Provider callbacks and their completion: each is audited, so they are limited like password attempts.</summary>
    private static readonly string[] ExternalSignInPaths = ["/signin-oidc", "/signin/external"];

    public static IServiceCollection AddWorkbenchProtection(this IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false).AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    error = "too_many_requests",
                    error_description = "Pārāk daudz mēģinājumu; mēģiniet pēc minūtes.",
                }, ct);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<WorkbenchOptions>>().Value.RateLimits;
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                // "/api/session/" reaches the same endpoint as "/api/session".
                var path = new PathString(http.Request.Path.Value?.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/");
                if (IsSignIn(http.Request.Method, path))
                    return PerMinute("signin:" + address, limits.SignInPerMinute);
                if (TokenPaths.Any(p => path.StartsWithSegments(p)))
                    return PerMinute("token:" + address, limits.TokenPerMinute);
                return RateLimitPartition.GetNoLimiter("none");
            });
        });

    private static bool IsSignIn(string method, PathString path) =>
        (HttpMethods.IsPost(method) && SignInPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))) ||
        ExternalSignInPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a request to this (tenant-relative) path can be answered 429 by the limiter above.</summary>
    public static bool IsRateLimited(string method, PathString path) => IsSignIn(method, path) || TokenPaths.Any(p => path.StartsWithSegments(p));

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Hex: nothing in it for HTML to encode.
            var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            Workbench.Abstractions.Modules.StyleNonce.Set(context, nonce);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // Over HTTPS (directly, or a proxy said so through X-Forwarded-Proto): browsers keep to HTTPS for a year.
                if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
                // What a signed-in caller reads from the API is theirs alone: no shared or browser cache keeps it.
                if (context.User.Identity?.IsAuthenticated == true && ApiPaths.IsApi(context.Request)) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
}
