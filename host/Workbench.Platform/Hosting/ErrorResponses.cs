using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Workbench.Platform.Hosting;

/// <summary>
/// Unhandled errors never show internals: API callers get problem details (a malformed body is a 400 that names
/// the JSON path), people get the themed error page.
/// </summary>
public static class ErrorResponses
{
    public static void UseWorkbenchErrors(this WebApplication app)
    {
        app.UseWhen(c => ApiPaths.IsApi(c.Request), api => api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteProblemAsync }));
        app.UseWhen(c => !ApiPaths.IsApi(c.Request), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        }));
    }

    private static async Task WriteProblemAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problem = error is BadHttpRequestException bad
            ? new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Nederīgs pieprasījums (bad request)",
                Detail = bad.InnerException is JsonException json ? $"Nederīgs JSON laukā {json.Path} (invalid JSON at {json.Path}): {json.Message}" : bad.Message,
            }
            : new ProblemDetails { Status = 500, Title = "Kļūda (error)", Detail = "Radās kļūda; tā ir reģistrēta žurnālā (an error occurred and has been logged)." };
        context.Response.StatusCode = problem.Status!.Value;
        await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
