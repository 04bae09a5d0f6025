namespace Workbench.Abstractions.Validation;

/// <summary>
/// What is wrong with an input, field by field, in words for people: the one shape every service validates into.
/// An API answers it as a validation problem (<c>TypedResults.ValidationProblem(errors)</c>: <c>errors</c> keyed by
/// field), a page shows the messages beside the form, a recipe step reports each one with its field.
/// </summary>
public sealed class ValidationErrors : Dictionary<string, string[]>
{
    public ValidationErrors() : base(StringComparer.Ordinal) { }

    /// <summary>Adds a message to a field; a field may collect several.</summary>
    public void Add(string field, string message) => this[field] = TryGetValue(field, out var messages) ? [.. messages, message] : [message];

    /// <summary>Adds the message when the check failed (for validators written as a list of checks).</summary>
    public ValidationErrors When(bool failed, string field, string message)
    {
        if (failed) Add(field, message);
        return this;
    }

    public bool IsValid => Count == 0;

    /// <summary>Every message with its field, in the order the fields were first named.</summary>
    public IEnumerable<(string Field, string Message)> Entries => this.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    /// <summary>All messages in one line, for a page's status message.</summary>
    public string Summary => string.Join(" ", Values.SelectMany(m => m));
}
