using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Recipes;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Workflows;
using Workbench.ServiceCards.Data;
using Workbench.ServiceCards.Search;
using Workbench.Abstractions.Validation;

namespace Workbench.ServiceCards.Domain;

/// <summary>Rules and workflow of service cards, shared by the API, the staff pages and the recipe step.</summary>
public sealed partial class ServiceCardService(
    ServiceCardsDbContext db,
    ICustomFieldService customFields,
    IAuditLog audit,
    ITenantTransaction transaction,
    ISearchIndex search,
    ICurrentActor actor,
    IWorkflowEvents events)
{
    public const string RecordType = "service-cards.card";
    private static readonly JsonSerializerOptions Json = RecipeStepContext.JsonOptions;

    /// <returns>Errors keyed by camelCase field; empty when valid.</returns>
    public async Task<ValidationErrors> ValidateAsync(ServiceCardContent card, Guid? id, CancellationToken ct)
    {
        card = card.Normalized();
        var errors = new ValidationErrors();
        void Add(string field, string message) => errors[field] = [message];
        if (card.Identifier is null || !IdentifierPattern().IsMatch(card.Identifier))
            Add("identifier", "Identifikators: 1–40 latīņu burti, cipari, '.', '-', '_'.");
        else if (await db.Cards.AnyAsync(c => c.Identifier == card.Identifier && c.Id != id, ct))
            Add("identifier", $"Identifikators \"{card.Identifier}\" jau ir citai kartītei.");
        if (string.IsNullOrWhiteSpace(card.Name) || card.Name.Length > 200) Add("name", "Nosaukums ir obligāts, līdz 200 zīmēm.");
        if (card.ShortDescription is { Length: > 500 }) Add("shortDescription", "Īsais apraksts līdz 500 zīmēm.");
        if (card.Description is { Length: > 20000 }) Add("description", "Apraksts līdz 20 000 zīmēm.");
        if (card.EServiceUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            Add("eServiceUrl", "E-pakalpojuma saitei jābūt http(s) adresei (e-service link must be an http(s) URL).");
        if (card.Costs.Any(c => c.AmountEur is < 0)) Add("costs", "Maksa nevar būt negatīva.");
        if (card.Costs.Any(c => string.IsNullOrWhiteSpace(c.Description))) Add("costs", "Katrai maksai vajag aprakstu.");
        if (card.Steps.Any(s => string.IsNullOrWhiteSpace(s.Title))) Add("steps", "Katram solim vajag nosaukumu.");
        if (card.Faq.Any(f => string.IsNullOrWhiteSpace(f.Question) || string.IsNullOrWhiteSpace(f.Answer))) Add("faq", "BUJ: vajag jautājumu un atbildi.");
        var fields = await customFields.ValidateAsync(RecordType, card.CustomFields, ct);
        foreach (var (key, message) in fields.Errors) Add($"customFields.{key}", message);
        return errors;
    }

    public sealed record ImportResult(int Created, int Updated, IReadOnlyList<string> Errors);

    /// <summary>
    /// Imports CSV rows as working copies (drafts), all or nothing: every row is checked first and the errors name
    /// their line. A row matches an existing card by id, else by identifier; columns absent from the file keep their values.
    /// </summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<ServiceCardCsv.Row> rows, CancellationToken ct)
    {
        var errors = rows.SelectMany(r => r.Errors.Select(e => $"rinda {r.Line}: {e}")).ToList();
        var plan = new List<(Guid? Id, ServiceCardContent Content)>();
        foreach (var row in rows.Where(r => r.Errors.Count == 0))
        {
            var existing = row.Id is { } id ? await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct)
                : await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Identifier == row.Content.Identifier, ct);
            if (row.Id is not null && existing is null) { errors.Add($"rinda {row.Line}: kartīte {row.Id} nav atrasta"); continue; }
            var content = existing is null ? row.Content.Normalized() : Working(existing) with
            {
                Identifier = row.Content.Identifier, Name = row.Content.Name, Owner = row.Content.Owner ?? Working(existing).Owner,
                Channels = row.Content.Channels, EServiceUrl = row.Content.EServiceUrl, InPersonOnly = row.Content.InPersonOnly,
                Themes = row.Content.Themes, LifeSituations = row.Content.LifeSituations, NextReviewDate = row.Content.NextReviewDate,
            };
            foreach (var (field, messages) in await ValidateAsync(content, existing?.Id, ct))
                errors.AddRange(messages.Select(m => $"rinda {row.Line}, {field}: {m}"));
            plan.Add((existing?.Id, content));
        }
        foreach (var duplicate in plan.GroupBy(p => p.Content.Identifier).Where(g => g.Count() > 1))
            errors.Add($"identifikators \"{duplicate.Key}\" failā atkārtojas");
        if (errors.Count > 0) return new ImportResult(0, 0, errors);
        await transaction.InTransactionAsync(async () =>
        {
            foreach (var (id, content) in plan) await SaveAsync(id, content, ct);
            return true;
        }, ct);
        return new ImportResult(plan.Count(p => p.Id is null), plan.Count(p => p.Id is not null), []);
    }

    /// <summary>The publication rule: an owner, a channel, and an e-service link or the in-person flag.</summary>
    public static IReadOnlyList<string> PublishProblems(ServiceCardContent card)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(card.Owner)) problems.Add("nav norādīts pakalpojuma turētājs");
        if (card.Channels.Count == 0) problems.Add("nav neviena saņemšanas kanāla");
        if (string.IsNullOrWhiteSpace(card.EServiceUrl) && !card.InPersonOnly) problems.Add("nav e-pakalpojuma saites vai atzīmes \"tikai klātienē\"");
        return problems;
    }

    public async Task<ServiceCard?> FindAsync(Guid id, CancellationToken ct) => await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);

    public async Task<ServiceCard?> FindPublishedAsync(string identifier, CancellationToken ct) =>
        await db.Cards.AsNoTracking().SingleOrDefaultAsync(c => c.Identifier == identifier && c.PublishedJson != null, ct);

    public async Task<List<ServiceCard>> ListAsync(bool includeUnpublished, CancellationToken ct) =>
        await (includeUnpublished ? db.Cards : db.Cards.Where(c => c.PublishedJson != null)).AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    public async Task<List<ServiceCardVersion>> VersionsAsync(Guid id, CancellationToken ct) =>
        await db.Versions.AsNoTracking().Where(v => v.CardId == id).OrderByDescending(v => v.Version).ToListAsync(ct);

    public static ServiceCardContent Working(ServiceCard card) => JsonSerializer.Deserialize<ServiceCardContent>(card.WorkingJson, Json)!;
    public static ServiceCardContent? Published(ServiceCard card) => card.PublishedJson is null ? null : JsonSerializer.Deserialize<ServiceCardContent>(card.PublishedJson, Json);

    /// <summary>Creates a draft or saves the working copy.</summary>
    public Task<ServiceCard> SaveAsync(Guid? id, ServiceCardContent content, CancellationToken ct) =>
        transaction.InTransactionAsync(async () =>
        {
            var values = (await customFields.ValidateAsync(RecordType, content.CustomFields, ct)).Values;
            var normalized = content.Normalized() with { CustomFields = values };
            var json = JsonSerializer.Serialize(normalized, Json);
            var card = id is { } existing ? await db.Cards.SingleOrDefaultAsync(c => c.Id == existing, ct) : null;
            // Saving what is already there (a recipe run again) makes no new version.
            if (card is not null && card.WorkingJson == json) return card;
            var created = card is null;
            card ??= db.Cards.Add(new ServiceCard { Id = id ?? Guid.NewGuid(), Identifier = "", Name = "", WorkingJson = "{}" }).Entity;
            card.Identifier = normalized.Identifier!;
            card.Name = normalized.Name!;
            card.WorkingJson = json;
            card.NextReviewDate = normalized.NextReviewDate;
            // The working copy is a draft again; a published version stays online until the next approval.
            card.State = CardState.Draft;
            await RecordAsync(card, created ? "created" : "saved", null, ct);
            return card;
        }, ct);

    public Task<WorkflowResult> SubmitAsync(Guid id, CancellationToken ct) =>
        TransitionAsync(id, "submitted", [CardState.Draft], CardState.InReview, null, ct);

    public Task<WorkflowResult> ApproveAsync(Guid id, string? comment, CancellationToken ct) =>
        TransitionAsync(id, "published", [CardState.InReview], CardState.Published, comment, ct);

    public Task<WorkflowResult> RejectAsync(Guid id, string? comment, CancellationToken ct) =>
        TransitionAsync(id, "rejected", [CardState.InReview], CardState.Draft, comment, ct);

    public Task<WorkflowResult> WithdrawAsync(Guid id, string? comment, CancellationToken ct) =>
        TransitionAsync(id, "withdrawn", [CardState.Published, CardState.Draft, CardState.InReview], CardState.Withdrawn, comment, ct);

    /// <summary>The object the create API accepts, plus id and state: the working copy for staff, the published one otherwise.</summary>
    public static ServiceCardInput View(ServiceCard card, bool staff)
    {
        var content = staff ? Working(card) : Published(card)!;
        return JsonSerializer.Deserialize<ServiceCardInput>(JsonSerializer.Serialize(content, Json), Json)! with
        {
            Id = card.Id,
            State = staff ? card.State : CardState.Published,
        };
    }

    private Task<WorkflowResult> TransitionAsync(Guid id, string action, CardState[] from, CardState to, string? comment, CancellationToken ct) =>
        transaction.InTransactionAsync(async () =>
        {
            var card = await db.Cards.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (card is null) return WorkflowResult.NotFound;
            if (!from.Contains(card.State) || to == CardState.Withdrawn && !card.IsPublished)
                return WorkflowResult.Conflict($"Kartīti stāvoklī {card.State} nevar {action}.");
            if (to == CardState.Published && PublishProblems(Working(card)) is { Count: > 0 } problems)
                return WorkflowResult.Conflict("Kartīti nevar publicēt: " + string.Join("; ", problems) + ".");
            card.State = to;
            card.ReviewComment = comment;
            if (to == CardState.Published) card.PublishedJson = card.WorkingJson;
            if (to == CardState.Withdrawn) card.PublishedJson = null;
            await RecordAsync(card, action, comment, ct);
            if (to == CardState.Published) card.PublishedVersion = card.Version;
            await db.SaveChangesAsync(ct);
            // Workflows start on these (e.g. a submitted card becomes a review task for the reviewers).
            await events.PublishAsync($"service-card.{action}", "service-card", card.Id.ToString(), new JsonObject
            {
                ["id"] = card.Id.ToString(), ["identifier"] = card.Identifier, ["name"] = card.Name, ["state"] = card.State.ToString(),
                ["version"] = card.Version, ["comment"] = comment, ["actor"] = actor.Name,
            }, ct);
            return WorkflowResult.Done(card);
        }, ct);

    /// <summary>One new version row, the audit entry and the search entry, in the caller's transaction.</summary>
    private async Task RecordAsync(ServiceCard card, string action, string? comment, CancellationToken ct)
    {
        card.Version++;
        card.UpdatedUtc = DateTime.UtcNow;
        db.Versions.Add(new ServiceCardVersion
        {
            Id = Guid.NewGuid(), CardId = card.Id, Version = card.Version, State = card.State, Json = card.WorkingJson,
            Actor = actor.Name, Action = action, Comment = comment, CreatedUtc = card.UpdatedUtc,
        });
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(ServiceCardSearchSource.Document(card), ct);
        await audit.AppendAsync($"service-card.{action}", card.Identifier, new { card.Version, state = card.State.ToString(), comment }, ct);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex IdentifierPattern();
}

public sealed record WorkflowResult(ServiceCard? Card, string? Problem, bool IsNotFound)
{
    public static readonly WorkflowResult NotFound = new(null, null, true);
    public static WorkflowResult Conflict(string problem) => new(null, problem, false);
    public static WorkflowResult Done(ServiceCard card) => new(card, null, false);
}
