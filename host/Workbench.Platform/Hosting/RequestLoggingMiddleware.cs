using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serilog.Context;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Hosting;

/// <summary>One log line per request, with tenant, user and request id (Serilog.AspNetCore does not restore here).</summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, ITenantContext tenant)
    {
        var started = Stopwatch.GetTimestamp();
        using var requestId = LogContext.PushProperty("RequestId", context.TraceIdentifier);
        var status = 500;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            using var tenantName = LogContext.PushProperty("Tenant", tenant.Current?.Name ?? "-");
            using var user = LogContext.PushProperty("User", context.User.FindFirstValue(ClaimTypes.Email) ?? context.User.Identity?.Name ?? "-");
            logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method, context.Request.PathBase + context.Request.Path, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

/// <summary>Adds the signed-in user to every log entry written while the request runs.</summary>
public sealed class UserLogContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (LogContext.PushProperty("User", context.User.FindFirstValue(ClaimTypes.Email) ?? "-"))
            await next(context);
    }
}
