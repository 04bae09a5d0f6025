using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Context;
using Workbench.Platform.Tenants;

namespace Workbench.Platform.Hosting;

/// <summary>
/// Resolves the tenant from the first path segment (<c>/riga/...</c>), moves it into PathBase so that pages and
/// endpoints are tenant-relative, and binds the request's scope to that tenant.
/// </summary>
public sealed class TenantMiddleware(RequestDelegate next, TenantRegistry registry)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var end = path.IndexOf('/', 1);
        var segment = end < 0 ? path[1..] : path[1..end];
        if (segment.Length == 0 || registry.Find(segment) is not { } shell)
        {
            await next(context);
            return;
        }
        if (!shell.IsRunning)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Pašvaldība \"{shell.Name}\" pašlaik nav pieejama ({shell.State}). The municipality is not available right now.");
            return;
        }
        ((TenantContext)context.RequestServices.GetRequiredService<Abstractions.Tenants.ITenantContext>()).Current = shell.Info;
        context.Request.PathBase = context.Request.PathBase.Add("/" + segment);
        context.Request.Path = end < 0 ? PathString.Empty : new PathString(path[end..]);
        if (!context.Request.Path.HasValue && HttpMethods.IsGet(context.Request.Method))
        {
            // "/riga" → "/riga/", so relative links on the tenant's home page resolve inside the tenant.
            context.Response.Redirect(context.Request.PathBase + "/" + context.Request.QueryString);
            return;
        }
        using (LogContext.PushProperty("Tenant", shell.Name))
            await next(context);
    }
}
