using Workbench.Abstractions.Validation;

namespace Workbench.CouncilSessions.Domain;

/// <summary>Collects the failed checks of an input into <see cref="ValidationErrors"/>, keyed by field.</summary>
internal static class CouncilValidation
{
    internal static ValidationErrors Errors(params (bool Failed, string Field, string Message)[] checks) =>
        checks.Aggregate(new ValidationErrors(), (errors, check) => errors.When(check.Failed, check.Field, check.Message));
}
