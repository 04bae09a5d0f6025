using System.Text.Json.Nodes;

namespace Workbench.Abstractions.Workflows;

/// <summary>
/// One kind of step a workflow type can use (<c>"type"</c> in its JSON). The platform contributes the general ones
/// (if, assign-task, notify, wait-for-signal, timer, set-field, call-outbox, end); a module adds its own by
/// registering more (scoped) implementations.
/// </summary>
public interface IWorkflowActivity
{
    string Type { get; }

    /// <summary>What it does, for the administrator writing a workflow.</summary>
    string Description { get; }

    /// <summary>
    /// The feature that contributes it: offered, accepted in workflow types and run only where the tenant enables that
    /// feature. Null for the platform's own activities, which every tenant has.
    /// </summary>
    string? Feature => null;

    /// <summary>The outcomes it can end with; transitions leave it by these names.</summary>
    IReadOnlyList<string> Outcomes { get; }

    /// <summary>Problems with its properties, found when a workflow type is saved (so a run cannot trip on them).</summary>
    IEnumerable<string> Validate(JsonObject properties);

    /// <summary>Does the step: ends with an outcome, or blocks until a signal, a time or a task completes.</summary>
    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}

/// <summary>Either an outcome (the workflow moves on) or a block (it waits, persisted, until resumed).</summary>
public sealed record ActivityResult(string? Outcome, WorkflowBlock? Block)
{
    public static ActivityResult Done(string outcome) => new(outcome, null);
    public static ActivityResult Wait(WorkflowBlock block) => new(null, block);
}

/// <summary>What a blocked instance waits for: a named signal, a time, or a task; it resumes with that outcome.</summary>
public sealed record WorkflowBlock(string ResumeOutcome, string? Signal = null, DateTime? DueUtc = null, Guid? TaskId = null);

/// <param name="Variables">The record's fields the workflow works on, and what steps set: read and written by steps, persisted with the instance.</param>
public sealed record ActivityContext(
    Guid InstanceId, string ActivityId, JsonObject Properties, JsonObject Variables, string? CorrelationType, string? CorrelationId, IServiceProvider Services)
{
    /// <summary>A property's text with <c>{field}</c> placeholders filled from the variables.</summary>
    public string? Text(string property) => Properties[property] is JsonValue value && value.TryGetValue<string>(out var text) ? Fill(text) : null;

    public string Fill(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([A-Za-z0-9_.]+)\}", m => Variables[m.Groups[1].Value]?.ToString() ?? "");
}

/// <summary>
/// How modules tell workflows that something happened to a record (a document registered, a status changed, a card
/// published): workflow types started by the event begin, and instances of that record waiting for a signal of the
/// event's name resume. Delivered after the current transaction commits, so a failing workflow never undoes the change.
/// </summary>
public interface IWorkflowEvents
{
    /// <param name="correlationType">The kind of record, e.g. "document".</param>
    /// <param name="fields">The record's fields, which become the new instance's variables and which start filters match.</param>
    Task PublishAsync(string eventName, string correlationType, string correlationId, JsonObject fields, CancellationToken cancellationToken = default);
}
