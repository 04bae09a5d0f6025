using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using Workbench.Abstractions.Workflows;

namespace Workbench.Platform.Workflows;

/// <summary>
/// A workflow type as administrators write it (JSON): activities with id, type and properties; transitions by outcome;
/// the first activity; and what starts it: an event (optionally filtered on the record's fields), a schedule
/// (<c>"every": "P1D"</c>), or nothing (started by hand only).
/// </summary>
public sealed record WorkflowDefinition(
    string? Name, string? Title, WorkflowStart? Start, string? StartActivity, IReadOnlyList<ActivityDefinition>? Activities, IReadOnlyList<TransitionDefinition>? Transitions)
{
    public ActivityDefinition Activity(string id) => Activities!.Single(a => a.Id == id);

    public TransitionDefinition? Next(string from, string outcome) => Transitions!.FirstOrDefault(t => t.From == from && t.Outcome == outcome);
}

public sealed record WorkflowStart(string? Event, JsonObject? Filter, string? Every)
{
    /// <summary>Whether a record with these fields starts the workflow (every filter field equal, as text).</summary>
    public bool Matches(string eventName, JsonObject fields) =>
        Event == eventName && (Filter ?? []).All(f => string.Equals(fields[f.Key]?.ToString(), f.Value?.ToString(), StringComparison.Ordinal));
}

public sealed record ActivityDefinition(string? Id, string? Type, JsonObject? Properties);

public sealed record TransitionDefinition(string? From, string? Outcome, string? To);

public static partial class WorkflowDefinitions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The definition, or every reason it cannot run: unknown activity types, dangling transitions, bad properties.</summary>
    public static (WorkflowDefinition? Definition, List<string> Errors) Parse(string json, IEnumerable<IWorkflowActivity> activities)
    {
        WorkflowDefinition? definition;
        try { definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Json); }
        catch (JsonException ex) { return (null, [$"Nederīgs JSON: {ex.Message}"]); }
        if (definition is null) return (null, ["Tukša definīcija."]);
        var errors = Validate(definition, activities.ToDictionary(a => a.Type));
        return (errors.Count == 0 ? definition : null, errors);
    }

    public static List<string> Validate(WorkflowDefinition d, IReadOnlyDictionary<string, IWorkflowActivity> known)
    {
        var errors = new List<string>();
        if (d.Name is null || !NameRegex().IsMatch(d.Name)) errors.Add("name: 2–64 mazie latīņu burti, cipari, defises.");
        if (string.IsNullOrWhiteSpace(d.Title)) errors.Add("title: nosaukums ir obligāts.");
        var activities = d.Activities ?? [];
        if (activities.Count == 0) errors.Add("activities: vajag vismaz vienu darbību.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (activity, i) in activities.Select((a, i) => (a, i)))
        {
            if (string.IsNullOrWhiteSpace(activity.Id) || !ids.Add(activity.Id)) errors.Add($"activities[{i}].id: obligāts un unikāls.");
            if (activity.Type is null || !known.TryGetValue(activity.Type, out var type))
            {
                errors.Add($"activities[{i}].type: nezināma darbība \"{activity.Type}\" ; der {string.Join(", ", known.Keys.Order())}.");
                continue;
            }
            errors.AddRange(type.Validate(activity.Properties ?? []).Select(e => $"activities[{i}] ({activity.Id}): {e}"));
        }
        if (d.StartActivity is null || !ids.Contains(d.StartActivity)) errors.Add($"startActivity: nav darbības \"{d.StartActivity}\".");
        foreach (var (t, i) in (d.Transitions ?? []).Select((t, i) => (t, i)))
        {
            if (t.From is null || !ids.Contains(t.From)) errors.Add($"transitions[{i}].from: nav darbības \"{t.From}\" — pāreja karājas gaisā.");
            if (t.To is null || !ids.Contains(t.To)) errors.Add($"transitions[{i}].to: nav darbības \"{t.To}\" — pāreja karājas gaisā.");
            var from = activities.FirstOrDefault(a => a.Id == t.From);
            if (from?.Type is { } fromType && known.TryGetValue(fromType, out var activityType) && !activityType.Outcomes.Contains(t.Outcome ?? ""))
                errors.Add($"transitions[{i}].outcome: \"{t.From}\" ({fromType}) nebeidzas ar \"{t.Outcome}\" (it ends with {string.Join(" or ", activityType.Outcomes)}).");
        }
        if ((d.Transitions ?? []).GroupBy(t => (t.From, t.Outcome)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add($"transitions: no \"{twice.Key.From}\" ar \"{twice.Key.Outcome}\" ved vairākas pārejas.");
        if (d.Start is { } start)
        {
            if (start.Event is null == (start.Every is null)) errors.Add("start: vai nu \"event\", vai \"every\".");
            if (start.Every is { } every && !TryDuration(every, out _)) errors.Add($"start.every: \"{every}\" nav ISO 8601 ilgums, piem. PT1H.");
        }
        if (errors.Count == 0)
        {
            var reached = Reachable(d);
            foreach (var unreachable in ids.Where(id => !reached.Contains(id))) errors.Add($"activities: \"{unreachable}\" nevar sasniegt no sākuma.");
        }
        return errors;
    }

    /// <summary>Activities reachable from the start activity, breadth first (the diagram's layers too).</summary>
    public static List<string> Reachable(WorkflowDefinition d)
    {
        var order = new List<string> { d.StartActivity! };
        for (var i = 0; i < order.Count; i++)
            foreach (var t in (d.Transitions ?? []).Where(t => t.From == order[i] && t.To is not null && !order.Contains(t.To)))
                order.Add(t.To!);
        return order;
    }

    public static bool TryDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        try { duration = XmlConvert.ToTimeSpan(text); return duration > TimeSpan.Zero; }
        catch (FormatException) { return false; }
    }

    [GeneratedRegex("^[a-z0-9-]{2,64}$")]
    private static partial Regex NameRegex();
}
