using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions;

namespace Workbench.Platform.Hosting;

/// <summary>
/// Unhandled errors never show internals: API callers get problem details with the request id that the log carries
/// (a malformed request is a 400 that says what is wrong), people get the themed error page. A malformed request is
/// the caller's mistake, logged as a warning without a stack trace; only faults are logged as errors.
/// </summary>
public static class ErrorResponses
{
    public static void UseWorkbenchErrors(this WebApplication app)
    {
        app.UseWhen(c => ApiPaths.IsApi(c.Request), api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteProblemAsync,
            SuppressDiagnosticsCallback = c => IsCallersMistake(c.Exception),
        }));
        app.UseWhen(c => !ApiPaths.IsApi(c.Request), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode
                : Data.DatabaseErrors.IsUniqueViolation(error) ? StatusCodes.Status409Conflict
                : Data.DatabaseErrors.IsUnavailable(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = c => IsCallersMistake(c.Exception) && LogRefusal(c.HttpContext, c.Exception),
        }));
    }

    /// <summary>A malformed request, a refusal, or a second record with a key that exists: refused, not a fault of the host.</summary>
    private static bool IsCallersMistake(Exception error) => error is BadHttpRequestException || Refusals.Is(error) || Data.DatabaseErrors.IsUniqueViolation(error);

    private static bool LogRefusal(HttpContext context, Exception error)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Workbench.Requests")
            .LogWarning("Refused request {Method} {Path}: {Reason}", context.Request.Method, context.Request.PathBase + context.Request.Path,
                error.InnerException?.Message ?? error.Message);
        return true;
    }

    private static async Task WriteProblemAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        ProblemDetails problem;
        if (error is BadHttpRequestException bad)
        {
            LogRefusal(context, bad);
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "Nederīgs pieprasījums",
                Detail = bad.InnerException is JsonException json ? $"Nederīgs JSON laukā {json.Path}: {json.Message}" : bad.Message,
            };
        }
        else if (error is not null && Refusals.StatusOf(error) is { } refused)
        {
            // A service said no with a message meant for people (Refusals): that message is the answer.
            LogRefusal(context, error);
            problem = new ProblemDetails { Status = refused, Title = ReasonPhrases.GetReasonPhrase(refused), Detail = error.Message };
        }
        else if (error is not null && Data.DatabaseErrors.IsUniqueViolation(error))
        {
            LogRefusal(context, error);
            problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Konflikts", Detail = Data.DatabaseErrors.UniqueViolationMessage };
        }
        else if (error is not null && Data.DatabaseErrors.IsUnavailable(error))
        {
            problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Nav pieejams", Detail = Data.DatabaseErrors.UnavailableMessage };
            context.Response.Headers.RetryAfter = "5";
        }
        else
            problem = new ProblemDetails { Status = 500, Title = "Kļūda", Detail = "Radās kļūda; tā ir reģistrēta žurnālā." };
        // The id under which the log has the details: a person can quote it to the administrator.
        problem.Extensions["requestId"] = context.TraceIdentifier;
        context.Response.StatusCode = problem.Status!.Value;
        // Through the problem-details service, like every other problem answer: it translates (ProblemTranslation).
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
