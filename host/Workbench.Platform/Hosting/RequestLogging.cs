using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Context;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Hosting;

/// <summary>One log line per request (Serilog.AspNetCore), with the tenant, the user, the full path and the request id.</summary>
public static class RequestLogging
{
    public static IApplicationBuilder UseWorkbenchRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.ApplicationServices.GetRequiredService<ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {Path} responded {StatusCode} in {Elapsed:0.0} ms";
            o.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("Path", (context.Request.PathBase + context.Request.Path).ToString());
                diagnostics.Set("Tenant", context.RequestServices.GetService<ITenantContext>()?.Current?.Name ?? "-");
                diagnostics.Set("User", UserName(context.User));
                diagnostics.Set("RequestId", context.TraceIdentifier);
            };
        });

    internal static string UserName(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "-";
}

/// <summary>Adds the request id and, once known, the signed-in user to every log entry written while the request runs.</summary>
public sealed class UserLogContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (LogContext.PushProperty("RequestId", context.TraceIdentifier))
        using (LogContext.PushProperty("User", RequestLogging.UserName(context.User)))
            await next(context);
    }
}
