using Dapper;
using Workbench.Abstractions.Search;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Data;

namespace Workbench.Platform.Search;

/// <summary>Writes index rows on the tenant connection inside the current transaction (same commit as the change).</summary>
public sealed class SearchIndexWriter(TenantDatabaseSession session, AttachmentText attachments, ITenantContext tenant) : ISearchIndex
{
    private readonly HashSet<(string, string, string)> _staged = [];

    public void Stage(string feature, string type, string id) => _staged.Add((feature, type, id));

    public async Task<bool> ExistsAsync(string feature, string type, string id, CancellationToken cancellationToken = default) =>
        _staged.Contains((feature, type, id)) || tenant.Required.IsFeatureEnabled(feature) && await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """SELECT COUNT(*) FROM "Search_Items" WHERE "Feature" = @feature AND "Type" = @type AND "ItemId" = @id""",
            new { feature, type, id }, session.Transaction, cancellationToken: cancellationToken)) > 0;

    public Task IndexAsync(SearchDocument document, CancellationToken cancellationToken = default) =>
        session.InTransactionAsync(async () =>
        {
            var text = document.Text;
            foreach (var attachment in document.Attachments)
                text += "\n" + await attachments.ExtractAsync(attachment, cancellationToken);
            await DeleteAsync(document.Feature, document.Type, document.Id, cancellationToken);
            var id = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO "Search_Items" ("Feature", "Type", "ItemId", "Title", "Url", "IsPublic", "PublicFrom", "PublicUntil", "UpdatedUtc")
                VALUES (@Feature, @Type, @Id, @Title, @Url, @IsPublic, @PublicFrom, @PublicUntil, @UpdatedUtc)
                RETURNING "Id"
                """, new
            {
                document.Feature, document.Type, document.Id, document.Title, document.Url,
                IsPublic = document.Access.Contains(SearchAccess.Public),
                document.PublicFrom, document.PublicUntil, UpdatedUtc = DateTime.UtcNow,
            }, session.Transaction, cancellationToken: cancellationToken));
            await session.Connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO "Search_Content" ("Id", "Text", "TitleExact", "TextExact", "TitleFold", "TextFold")
                VALUES (@Id, @Text, @TitleExact, @TextExact, @TitleFold, @TextFold)
                """, new
            {
                Id = id, Text = text,
                TitleExact = LatvianAnalyzer.StemText(document.Title),
                TextExact = LatvianAnalyzer.StemText(text),
                TitleFold = LatvianAnalyzer.FoldedStemText(document.Title),
                TextFold = LatvianAnalyzer.FoldedStemText(text),
            }, session.Transaction, cancellationToken: cancellationToken));
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """INSERT INTO "Search_Access" ("ItemId", "Token") VALUES (@Id, @Token)""",
                document.Access.Where(t => t != SearchAccess.Public).Distinct().Select(token => new { Id = id, Token = token }),
                session.Transaction, cancellationToken: cancellationToken));
        }, cancellationToken);

    public Task RemoveAsync(string feature, string type, string id, CancellationToken cancellationToken = default) =>
        session.InTransactionAsync(() => DeleteAsync(feature, type, id, cancellationToken), cancellationToken);

    /// <summary>Every item of a feature, before a rebuild.</summary>
    public Task<int> RemoveFeatureAsync(string feature, CancellationToken ct) =>
        session.InTransactionAsync(() => DeleteWhereAsync(""" "Feature" = @feature """, new { feature }, ct), ct);

    private Task DeleteAsync(string feature, string type, string id, CancellationToken ct) =>
        DeleteWhereAsync(""" "Feature" = @feature AND "Type" = @type AND "ItemId" = @id """, new { feature, type, id }, ct);

    /// <summary>Children first and explicitly: the shared connection is not guaranteed to enforce foreign keys.</summary>
    private async Task<int> DeleteWhereAsync(string itemFilter, object parameters, CancellationToken ct)
    {
        foreach (var (table, key) in new[] { ("Search_Access", "ItemId"), ("Search_Content", "Id") })
            await session.Connection.ExecuteAsync(new CommandDefinition(
                $"""DELETE FROM "{table}" WHERE "{key}" IN (SELECT "Id" FROM "Search_Items" WHERE {itemFilter})""", parameters, session.Transaction, cancellationToken: ct));
        return await session.Connection.ExecuteAsync(new CommandDefinition(
            $"""DELETE FROM "Search_Items" WHERE {itemFilter}""", parameters, session.Transaction, cancellationToken: ct));
    }
}
