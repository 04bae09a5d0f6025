using Microsoft.AspNetCore.Http;

namespace Workbench.Abstractions;

/// <summary>A request refused because of the state things are in (a closed vote, a task already done): HTTP 409.</summary>
public class ConflictException(string message) : Exception(message);

/// <summary>
/// How services refuse a request with a message meant for people, and what each refusal is in HTTP: one mapping for
/// every module's API and pages. An API endpoint lets the refusal propagate and the platform's error handler answers
/// it as problem details; a page catches it and shows the message. Anything else is a fault.
/// </summary>
public static class Refusals
{
    public static int? StatusOf(Exception exception) => exception switch
    {
        KeyNotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        ArgumentException => StatusCodes.Status400BadRequest,
        UnauthorizedAccessException => StatusCodes.Status403Forbidden,
        _ => null,
    };

    public static bool Is(Exception exception) => StatusOf(exception) is not null;

    /// <summary>Runs an endpoint's work; a refusal becomes a problem response with its message and status.</summary>
    [Obsolete("Throw the refusal from a typed endpoint: the platform's API error handler answers it (docs/decisions/0009). Kept for plugins built against host API 1.0.")]
    public static async Task<IResult> AsProblemAsync(Func<Task<IResult>> work)
    {
        try { return await work(); }
        catch (Exception refusal) when (StatusOf(refusal) is { } status) { return Results.Problem(refusal.Message, statusCode: status); }
    }
}
