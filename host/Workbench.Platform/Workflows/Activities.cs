using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Notifications;
using Workbench.Abstractions.Tenants;
using Workbench.Abstractions.Workflows;

namespace Workbench.Platform.Workflows;

/// <summary>The platform's own activities; modules add theirs by registering more <see cref="IWorkflowActivity"/>s.</summary>
public static class PlatformActivities
{
    public static IEnumerable<string> Required(JsonObject properties, params string[] names) =>
        names.Where(n => string.IsNullOrWhiteSpace(Text(properties, n))).Select(n => $"vajag \"{n}\"");

    /// <summary>A property's text as written (no placeholders filled), or null when it is missing or not text.</summary>
    public static string? Text(JsonObject properties, string name) => properties[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary><c>if</c>: <c>{"condition": "direction == 'Incoming' &amp;&amp; days &gt; 3"}</c> over the variables; outcome true or false.</summary>
public sealed class IfActivity : IWorkflowActivity
{
    public string Type => "if";
    public string Description => "Zarojums pēc nosacījuma par ieraksta laukiem.";
    public IReadOnlyList<string> Outcomes { get; } = ["true", "false"];

    public IEnumerable<string> Validate(JsonObject properties) =>
        PlatformActivities.Text(properties, "condition") is { } condition
            ? WorkflowExpression.Parse(condition).Error is { } error ? [error] : []
            : PlatformActivities.Required(properties, "condition");

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Done(WorkflowExpression.Parse(PlatformActivities.Text(context.Properties, "condition")).Expression!.IsTrue(context.Variables) ? "true" : "false"));
}

/// <summary>
/// <c>assign-task</c>: <c>{"user": "{executor}" | "role": "Editor", "title": "…", "dueDays": 3, "url": "admin/documents/{id}"}</c>
/// — a task for a person or a role; waits until it is completed (outcome done or rejected).
/// </summary>
public sealed class AssignTaskActivity(WorkflowDbContext db, INotifications notifications, ITenantContext tenant, TimeProvider clock) : IWorkflowActivity
{
    public string Type => "assign-task";
    public string Description => "Uzdevums personai vai lomai ar termiņu; gaida izpildi.";
    public IReadOnlyList<string> Outcomes { get; } = ["done", "rejected"];

    public IEnumerable<string> Validate(JsonObject properties)
    {
        foreach (var error in PlatformActivities.Required(properties, "title")) yield return error;
        if (properties["user"] is null == (properties["role"] is null)) yield return "vajag vai nu \"user\", vai \"role\"";
        if (properties["dueDays"] is { } days && (days.GetValueKind() != JsonValueKind.Number || !days.AsValue().TryGetValue<int>(out var count) || count < 0)) yield return "\"dueDays\" ir dienu skaits";
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var user = context.Text("user")?.Trim().ToLowerInvariant();
        if (context.Properties["user"] is not null && string.IsNullOrEmpty(user)) throw new InvalidOperationException($"Uzdevumam nav izpildītāja: \"{context.Properties["user"]}\" ir tukšs.");
        var task = new WorkflowTask
        {
            Id = Guid.NewGuid(), InstanceId = context.InstanceId, ActivityId = context.ActivityId, Title = context.Text("title")!, AssigneeEmail = user,
            AssigneeRole = context.Text("role"), Url = context.Text("url"), CreatedUtc = clock.GetUtcNow().UtcDateTime,
            DueDate = context.Properties["dueDays"] is { } days ? tenant.Required.Settings.Today().AddDays(days.GetValue<int>()) : null,
        };
        db.Tasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        if (user is not null) await notifications.NotifyAsync(user, $"workflow-task:{task.Id}", $"Jauns uzdevums: {task.Title}", task.Url ?? "admin/workflows/tasks", cancellationToken);
        return ActivityResult.Wait(new WorkflowBlock("done", TaskId: task.Id));
    }
}

/// <summary><c>notify</c>: <c>{"to": "{registeredBy}, head@x.lv", "subject": "…", "text": "…"}</c> — an in-app notice and an e-mail (outbox, SMTP).</summary>
public sealed class NotifyActivity(INotifications notifications, IOutbox outbox) : IWorkflowActivity
{
    public string Type => "notify";
    public string Description => "Paziņojums darbavietā un e-pastā.";
    public IReadOnlyList<string> Outcomes { get; } = ["done"];

    public IEnumerable<string> Validate(JsonObject properties) => PlatformActivities.Required(properties, "to", "subject");

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var recipients = context.Text("to")!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(r => r.Contains('@')).Distinct().ToList();
        if (recipients.Count == 0) throw new InvalidOperationException($"Paziņojumam nav adresāta: \"{context.Properties["to"]}\".");
        var subject = context.Text("subject")!;
        var text = context.Text("text") ?? subject;
        var key = $"workflow:{context.InstanceId}:{context.ActivityId}";
        foreach (var recipient in recipients) await notifications.NotifyAsync(recipient, $"{key}:{recipient}", subject, context.Text("url") ?? "admin", cancellationToken);
        await outbox.EnqueueAsync(Email.OutboxAdapter, key, new EmailMessage(recipients, subject, text), cancellationToken);
        return ActivityResult.Done("done");
    }
}

/// <summary><c>wait-for-signal</c>: <c>{"signal": "document.status-changed"}</c> — waits for the signal (an event of the same record, or the API).</summary>
public sealed class WaitForSignalActivity : IWorkflowActivity
{
    public string Type => "wait-for-signal";
    public string Description => "Gaida signālu vai ieraksta notikumu.";
    public IReadOnlyList<string> Outcomes { get; } = ["signaled"];
    public IEnumerable<string> Validate(JsonObject properties) => PlatformActivities.Required(properties, "signal");

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Wait(new WorkflowBlock("signaled", Signal: context.Text("signal"))));
}

/// <summary><c>timer</c>: <c>{"delay": "P3D"}</c> (ISO 8601) — waits, persisted, so a restart does not lose it.</summary>
public sealed class TimerActivity(TimeProvider clock) : IWorkflowActivity
{
    public string Type => "timer";
    public string Description => "Gaida noteiktu laiku, piem. P3D.";
    public IReadOnlyList<string> Outcomes { get; } = ["elapsed"];

    public IEnumerable<string> Validate(JsonObject properties) =>
        WorkflowDefinitions.TryDuration(PlatformActivities.Text(properties, "delay"), out _) ? [] : ["\"delay\" ir ISO 8601 ilgums, piem. PT10M vai P3D"];

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        WorkflowDefinitions.TryDuration(PlatformActivities.Text(context.Properties, "delay"), out var delay);
        return Task.FromResult(ActivityResult.Wait(new WorkflowBlock("elapsed", DueUtc: clock.GetUtcNow().UtcDateTime + delay)));
    }
}

/// <summary><c>set-field</c>: <c>{"field": "stage", "value": "resolved"}</c> — sets a variable (text values fill {placeholders}).</summary>
public sealed class SetFieldActivity : IWorkflowActivity
{
    public string Type => "set-field";
    public string Description => "Iestata lauka vērtību.";
    public IReadOnlyList<string> Outcomes { get; } = ["done"];

    public IEnumerable<string> Validate(JsonObject properties) =>
        PlatformActivities.Required(properties, "field").Concat(properties.ContainsKey("value") ? [] : ["vajag \"value\""]);

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var value = context.Properties["value"];
        context.Variables[context.Text("field")!] = value is JsonValue v && v.TryGetValue<string>(out var text) ? JsonValue.Create(context.Fill(text)) : value?.DeepClone();
        return Task.FromResult(ActivityResult.Done("done"));
    }
}

/// <summary><c>call-outbox</c>: <c>{"adapter": "depp", "key": "{id}", "payload": {…}}</c> — queues a message for an external system.</summary>
public sealed class CallOutboxActivity(IServiceProvider services) : IWorkflowActivity
{
    public string Type => "call-outbox";
    public string Description => "Nosūta ziņojumu ārējai sistēmai caur izejošo rindu.";
    public IReadOnlyList<string> Outcomes { get; } = ["done"];

    public IEnumerable<string> Validate(JsonObject properties)
    {
        foreach (var error in PlatformActivities.Required(properties, "adapter", "key")) yield return error;
        if (properties["adapter"] is JsonValue adapter && adapter.TryGetValue<string>(out var name) && !services.GetServices<IOutboxAdapter>().Any(a => a.Name == name))
            yield return $"nav izejošās rindas adaptera \"{name}\"";
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var payload = Filled(context.Properties["payload"]?.DeepClone() ?? new JsonObject(), context);
        await services.GetRequiredService<IOutbox>().EnqueueAsync(context.Text("adapter")!, context.Text("key")!, payload, cancellationToken);
        return ActivityResult.Done("done");
    }

    private static JsonNode Filled(JsonNode node, ActivityContext context) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Filled(p.Value.DeepClone(), context)))),
        JsonArray a => new JsonArray(a.Select(x => x is null ? null : Filled(x.DeepClone(), context)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var text) => JsonValue.Create(context.Fill(text)),
        _ => node,
    };
}

/// <summary><c>end</c>: the workflow ends here.</summary>
public sealed class EndActivity : IWorkflowActivity
{
    public string Type => "end";
    public string Description => "Darbplūsmas beigas.";
    public IReadOnlyList<string> Outcomes { get; } = ["end"];
    public IEnumerable<string> Validate(JsonObject properties) => [];
    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => Task.FromResult(ActivityResult.Done("end"));
}
