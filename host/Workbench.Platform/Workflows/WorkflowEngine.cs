using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Abstractions.Workflows;

namespace Workbench.Platform.Workflows;

/// <summary>A request the engine refuses as it stands (409): not waiting for that, already finished, not yours.</summary>
public sealed class WorkflowConflictException(string message) : Workbench.Abstractions.ConflictException(message);

/// <summary>
/// Runs workflow instances: from the start (or the point they resumed at) step by step, each step in its own
/// transaction with its history entry, until one blocks (waits for a signal, a time or a task, persisted) or the
/// workflow ends. A step that throws rolls back and leaves the instance failed at that step, with the error, for an
/// administrator to retry.
/// </summary>
public sealed class WorkflowEngine(
    WorkflowDbContext db, IEnumerable<IWorkflowActivity> activities, ITenantContext tenant, ITenantTransaction transaction, ICurrentActor actor, IAuditLog audit,
    TimeProvider clock, IServiceProvider services, ILogger<WorkflowEngine> logger)
{
    /// <summary>More steps than this without blocking is a loop in the definition.</summary>
    public const int MaxSteps = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The activities this tenant has: the platform's and those of its enabled modules. Read each time, because a recipe
    /// enables features part-way through the scope that uses the engine.
    /// </summary>
    public IReadOnlyCollection<IWorkflowActivity> Activities =>
        activities.Where(a => a.Feature is null || tenant.Required.IsFeatureEnabled(a.Feature)).ToList();

    private IWorkflowActivity Activity(string type) =>
        Activities.SingleOrDefault(a => a.Type == type)
        ?? throw new WorkflowConflictException($"Darbība \"{type}\" šajā pašvaldībā nav pieejama: tās modulis ir izslēgts.");

    public Task<List<WorkflowType>> TypesAsync(CancellationToken ct) => db.Types.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

    /// <summary>Saves a workflow type (a new version when it exists), or says everything wrong with it and changes nothing.</summary>
    public async Task<(WorkflowType? Type, List<string> Errors)> SaveTypeAsync(string json, CancellationToken ct)
    {
        var (definition, errors) = WorkflowDefinitions.Parse(json, Activities);
        if (definition is null) return (null, errors);
        return (await transaction.InTransactionAsync(async () =>
        {
            var type = await db.Types.SingleOrDefaultAsync(t => t.Name == definition.Name, ct);
            if (type is null)
            {
                type = new WorkflowType { Id = Guid.NewGuid(), Name = definition.Name!, Title = "", Json = "" };
                db.Types.Add(type);
            }
            (type.Title, type.Json, type.StartEvent, type.Version, type.UpdatedUtc) = (definition.Title!, json, definition.Start?.Event, type.Version + 1, Now);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync("workflow.type.saved", type.Name, new { type.Version }, ct);
            return type;
        }, ct), []);
    }

    /// <summary>Switches a type off (no new instances by event, schedule or hand; running ones go on) or on again.</summary>
    public Task<WorkflowType> SetEnabledAsync(string typeName, bool enabled, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var type = await db.Types.SingleOrDefaultAsync(t => t.Name == typeName, ct) ?? throw new KeyNotFoundException($"Nav darbplūsmas \"{typeName}\".");
        if (type.Enabled == enabled) return type;
        (type.Enabled, type.UpdatedUtc) = (enabled, Now);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(enabled ? "workflow.type.enabled" : "workflow.type.disabled", type.Name, null, ct);
        return type;
    }, ct);

    public async Task<WorkflowInstance> StartAsync(string typeName, string? correlationType, string? correlationId, JsonObject variables, CancellationToken ct)
    {
        var type = await db.Types.AsNoTracking().SingleOrDefaultAsync(t => t.Name == typeName, ct) ?? throw new KeyNotFoundException($"Nav darbplūsmas \"{typeName}\".");
        if (!type.Enabled) throw new WorkflowConflictException($"Darbplūsma \"{typeName}\" ir izslēgta.");
        var definition = Definition(type.Json);
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid(), TypeName = type.Name, TypeVersion = type.Version, DefinitionJson = type.Json, Status = WorkflowStatus.Running,
            CurrentActivity = definition.StartActivity, CorrelationType = correlationType, CorrelationId = correlationId,
            Variables = variables.ToJsonString(), CreatedUtc = Now, UpdatedUtc = Now,
        };
        await transaction.InTransactionAsync(async () =>
        {
            db.Instances.Add(instance);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync("workflow.started", instance.Id.ToString(), new { type.Name, correlationType, correlationId }, ct);
            return true;
        }, ct);
        return await RunAsync(instance.Id, resumeOutcome: null, ct);
    }

    /// <summary>
    /// Something happened to a record: instances of that record waiting for a signal of this name resume (with the
    /// record's new fields), and enabled types started by the event (and matching its filter) begin.
    /// </summary>
    public async Task OnEventAsync(string eventName, string correlationType, string correlationId, JsonObject fields, CancellationToken ct)
    {
        var waiting = await db.Instances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Waiting && i.WaitSignal == eventName && i.CorrelationType == correlationType && i.CorrelationId == correlationId)
            .Select(i => i.Id).ToListAsync(ct);
        foreach (var id in waiting) await ResumeAsync(id, i => i.WaitSignal == eventName, fields, ct);
        foreach (var type in await db.Types.AsNoTracking().Where(t => t.StartEvent == eventName && t.Enabled).ToListAsync(ct))
            if (Definition(type.Json).Start!.Matches(eventName, fields))
                await StartAsync(type.Name, correlationType, correlationId, (JsonObject)fields.DeepClone(), ct);
    }

    /// <summary>Sends a signal to one instance (API, or a step of another system).</summary>
    public Task<WorkflowInstance> SignalAsync(Guid instanceId, string signal, CancellationToken ct) =>
        ResumeAsync(instanceId, i => i.WaitSignal == signal, null, ct, $"Darbplūsma negaida signālu \"{signal}\".");

    public Task<List<WorkflowTask>> OpenTasksAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var email = user.FindFirstValue(ClaimTypes.Email)?.ToLowerInvariant() ?? "";
        var roles = user.FindAll(ClaimTypes.Role).Select(r => r.Value).ToList();
        return db.Tasks.AsNoTracking().Where(t => t.CompletedUtc == null && (t.AssigneeEmail == email || (t.AssigneeRole != null && roles.Contains(t.AssigneeRole))))
            .OrderBy(t => t.DueDate).ThenBy(t => t.CreatedUtc).ToListAsync(ct);
    }

    /// <summary>The assignee (by e-mail or role) completes a task with one of its step's outcomes; the workflow moves on.</summary>
    public async Task<WorkflowInstance> CompleteTaskAsync(Guid taskId, string? outcome, ClaimsPrincipal user, bool manages, CancellationToken ct)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new KeyNotFoundException("Nav tāda uzdevuma.");
        var email = user.FindFirstValue(ClaimTypes.Email)?.ToLowerInvariant();
        // A machine client has no e-mail and a role task no assignee e-mail: both must be present to match.
        var assignedToCaller = (task.AssigneeEmail is { } assignee && assignee == email) || (task.AssigneeRole is { } role && user.IsInRole(role));
        if (!manages && !assignedToCaller)
            throw new UnauthorizedAccessException("Šis uzdevums nav jums.");
        if (task.CompletedUtc is not null) throw new WorkflowConflictException("Uzdevums jau ir izpildīts.");
        var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, ct);
        var step = Definition(instance.DefinitionJson).Activity(task.ActivityId);
        var chosen = outcome ?? instance.ResumeOutcome ?? "done";
        var outcomes = Activity(step.Type!).Outcomes;
        if (!outcomes.Contains(chosen)) throw new ArgumentException($"Uzdevums beidzas ar {string.Join(" vai ", outcomes)}, ne \"{chosen}\".");
        return await ResumeAsync(task.InstanceId, i => i.WaitTaskId == taskId, null, ct, "Darbplūsma šo uzdevumu vairs negaida.", chosen, () =>
        {
            (task.CompletedUtc, task.CompletedBy, task.Outcome) = (Now, email ?? actor.Name, chosen);
            return Task.CompletedTask;
        });
    }

    /// <summary>Resumes instances whose timer is due and starts scheduled types whose time has come (the workflow-timers job).</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.Instances.AsNoTracking().Where(i => i.Status == WorkflowStatus.Waiting && i.WaitDueUtc != null && i.WaitDueUtc <= now).Select(i => i.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            try { await ResumeAsync(id, i => i.WaitDueUtc != null && i.WaitDueUtc <= now, null, ct); }
            catch (DbUpdateConcurrencyException) { /* another node resumed it first */ }
        }
        var started = 0;
        foreach (var type in await db.Types.Where(t => t.Enabled && t.StartEvent == null).ToListAsync(ct))
        {
            if (Definition(type.Json).Start?.Every is not { } every || !WorkflowDefinitions.TryDuration(every, out var interval)) continue;
            if (type.LastScheduledUtc is { } last && last + interval > now) continue;
            type.LastScheduledUtc = now;
            await db.SaveChangesAsync(ct);
            await StartAsync(type.Name, null, null, [], ct);
            started++;
        }
        return due.Count + started;
    }

    /// <summary>An administrator runs a failed instance again from the step that failed, after correcting its variables if need be.</summary>
    public async Task<WorkflowInstance> RetryAsync(Guid instanceId, JsonObject? corrections, CancellationToken ct)
    {
        var instance = await db.Instances.SingleOrDefaultAsync(i => i.Id == instanceId, ct) ?? throw new KeyNotFoundException("Nav tādas darbplūsmas instances.");
        if (instance.Status != WorkflowStatus.Failed) throw new WorkflowConflictException("Atkārtot var tikai kļūdainu instanci.");
        var variables = Variables(instance);
        foreach (var (key, value) in corrections ?? []) variables[key] = value?.DeepClone();
        (instance.Status, instance.Error, instance.Variables, instance.UpdatedUtc) = (WorkflowStatus.Running, null, variables.ToJsonString(), Now);
        instance.Revision++;
        await transaction.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync("workflow.retried", instanceId.ToString(), new { corrections = corrections?.Select(c => c.Key) }, ct);
        }, ct);
        return await RunAsync(instanceId, null, ct);
    }

    public async Task<(WorkflowInstance Instance, List<WorkflowHistoryEntry> History, List<WorkflowTask> Tasks)?> DetailAsync(Guid id, CancellationToken ct)
    {
        if (await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is not { } instance) return null;
        return (instance, await db.History.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Sequence).ToListAsync(ct),
            await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.CreatedUtc).ToListAsync(ct));
    }

    public Task<List<WorkflowInstance>> InstancesAsync(WorkflowStatus? status, CancellationToken ct) =>
        (status is { } s ? db.Instances.AsNoTracking().Where(i => i.Status == s) : db.Instances.AsNoTracking())
            .OrderByDescending(i => i.UpdatedUtc).Take(500).ToListAsync(ct);

    private async Task<WorkflowInstance> ResumeAsync(
        Guid instanceId, Func<WorkflowInstance, bool> waitsForThis, JsonObject? fields, CancellationToken ct, string? refusal = null, string? outcome = null, Func<Task>? alongside = null)
    {
        await transaction.InTransactionAsync(async () =>
        {
            var instance = await db.Instances.SingleOrDefaultAsync(i => i.Id == instanceId, ct) ?? throw new KeyNotFoundException("Nav tādas darbplūsmas instances.");
            if (instance.Status != WorkflowStatus.Waiting || !waitsForThis(instance))
                throw new WorkflowConflictException(refusal ?? "Darbplūsma to negaida.");
            if (fields is not null)
            {
                var variables = Variables(instance);
                foreach (var (key, value) in fields) variables[key] = value?.DeepClone();
                instance.Variables = variables.ToJsonString();
            }
            instance.ResumeOutcome = outcome ?? instance.ResumeOutcome;
            (instance.Status, instance.WaitSignal, instance.WaitDueUtc, instance.WaitTaskId, instance.UpdatedUtc) = (WorkflowStatus.Running, null, null, null, Now);
            instance.Revision++;
            if (alongside is not null) await alongside();
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        var resumed = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId, ct);
        return await RunAsync(instanceId, resumed.ResumeOutcome, ct);
    }

    /// <summary>Steps the instance on until it blocks, ends or fails; <paramref name="resumeOutcome"/> ends the step it was waiting in.</summary>
    private async Task<WorkflowInstance> RunAsync(Guid instanceId, string? resumeOutcome, CancellationToken ct)
    {
        var outcome = resumeOutcome;
        for (var step = 0; ; step++)
        {
            var instance = await db.Instances.SingleAsync(i => i.Id == instanceId, ct);
            if (instance.Status != WorkflowStatus.Running) return instance;
            if (step >= MaxSteps)
            {
                await FailAsync(instanceId, instance.CurrentActivity!, $"Vairāk nekā {MaxSteps} soļu bez gaidīšanas — definīcijā ir cilpa.", ct);
                return await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId, ct);
            }
            var definition = Definition(instance.DefinitionJson);
            var current = definition.Activity(instance.CurrentActivity!);
            try
            {
                outcome = await transaction.InTransactionAsync(async () => await StepAsync(instance, definition, current, outcome, ct), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not DbUpdateConcurrencyException)
            {
                logger.LogWarning(ex, "Workflow {Instance} failed at {Activity}", instanceId, current.Id);
                db.ChangeTracker.Clear();
                await FailAsync(instanceId, current.Id!, ex.Message, ct);
                return await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId, ct);
            }
        }
    }

    /// <summary>One step: runs the activity (unless it is being resumed), then blocks, ends, or moves to the next activity.</summary>
    /// <returns>Always null: the next activity has not run yet.</returns>
    private async Task<string?> StepAsync(WorkflowInstance instance, WorkflowDefinition definition, ActivityDefinition current, string? outcome, CancellationToken ct)
    {
        var variables = Variables(instance);
        if (outcome is null)
        {
            var result = await Activity(current.Type!).ExecuteAsync(
                new ActivityContext(instance.Id, current.Id!, current.Properties ?? [], variables, instance.CorrelationType, instance.CorrelationId, services), ct);
            instance.Variables = variables.ToJsonString();
            if (result.Block is { } block)
            {
                (instance.Status, instance.WaitSignal, instance.WaitDueUtc, instance.WaitTaskId, instance.ResumeOutcome) =
                    (WorkflowStatus.Waiting, block.Signal, block.DueUtc, block.TaskId, block.ResumeOutcome);
                await SaveAsync(instance, current, null, Waiting(block), ct);
                return null;
            }
            outcome = result.Outcome!;
        }
        var next = definition.Next(current.Id!, outcome);
        instance.ResumeOutcome = null;
        if (next is null)
        {
            (instance.Status, instance.FinishedUtc) = (WorkflowStatus.Finished, Now);
            await SaveAsync(instance, current, outcome, "beigas", ct);
        }
        else
        {
            instance.CurrentActivity = next.To;
            await SaveAsync(instance, current, outcome, null, ct);
        }
        return null;
    }

    private async Task SaveAsync(WorkflowInstance instance, ActivityDefinition activity, string? outcome, string? note, CancellationToken ct)
    {
        instance.UpdatedUtc = Now;
        instance.Revision++;
        var sequence = await db.History.Where(h => h.InstanceId == instance.Id).MaxAsync(h => (int?)h.Sequence, ct) ?? 0;
        db.History.Add(new WorkflowHistoryEntry
        {
            Id = Guid.NewGuid(), InstanceId = instance.Id, Sequence = sequence + 1, ActivityId = activity.Id!, ActivityType = activity.Type!,
            Outcome = outcome, Note = note, Actor = actor.Name, AtUtc = Now,
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task FailAsync(Guid instanceId, string activityId, string error, CancellationToken ct) => await transaction.InTransactionAsync(async () =>
    {
        var instance = await db.Instances.SingleAsync(i => i.Id == instanceId, ct);
        (instance.Status, instance.Error, instance.CurrentActivity) = (WorkflowStatus.Failed, error, activityId);
        var definition = Definition(instance.DefinitionJson);
        await SaveAsync(instance, definition.Activity(activityId), null, "kļūda: " + error, ct);
        await audit.AppendAsync("workflow.failed", instanceId.ToString(), new { activityId, error }, ct);
        return true;
    }, ct);

    private static string Waiting(WorkflowBlock block) =>
        block.Signal is { } signal ? $"gaida signālu {signal}" : block.DueUtc is { } due ? $"gaida līdz {due:yyyy-MM-dd HH:mm:ss} UTC" : "gaida uzdevuma izpildi";

    private static JsonObject Variables(WorkflowInstance instance) => JsonNode.Parse(instance.Variables) as JsonObject ?? [];

    private static WorkflowDefinition Definition(string json) => JsonSerializer.Deserialize<WorkflowDefinition>(json, Json)!;
}

/// <summary>
/// Events are saved with the change that raised them (a change and its event commit together or not at all) and reach
/// the engine right after commit through the <see cref="WorkflowEventRunner"/>, outside the request.
/// </summary>
public sealed class WorkflowEvents(ITenantTransaction transaction, WorkflowDbContext db, ITenantContext tenant, ICurrentActor actor, WorkflowEventRunner runner) : IWorkflowEvents
{
    public Task PublishAsync(string eventName, string correlationType, string correlationId, JsonObject fields, CancellationToken cancellationToken = default) =>
        transaction.InTransactionAsync(async () =>
        {
            var now = DateTime.UtcNow;
            // A statement, not the change tracker: saving the event must not save the engine's half-made changes in this scope.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Wf_PendingEvents" ("EventName", "CorrelationType", "CorrelationId", "FieldsJson", "Actor", "CreatedUtc", "NextAttemptUtc", "Attempts")
                VALUES ({eventName}, {correlationType}, {correlationId}, {fields.ToJsonString()}, {actor.Name}, {now}, {now}, 0)
                """, cancellationToken);
            var committed = tenant.Required;
            await transaction.AfterCommitAsync(() =>
            {
                runner.Nudge(committed);
                return Task.CompletedTask;
            });
        }, cancellationToken);
}
