using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Search;
using Workbench.Notices.Data;
using Workbench.Notices.Domain;

namespace Workbench.Notices.Search;

/// <summary>
/// Notices in the shared index: residents find public ones between publication and expiry; staff with
/// ViewNotices find all. Category and custom-field values are searchable too.
/// </summary>
public sealed class NoticeSearchSource(NoticesDbContext db) : ISearchSource
{
    public const string Type = "notice";

    public string Feature => NoticesManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var notice in db.Notices.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return Document(notice);
    }

    public static SearchDocument Document(Notice notice)
    {
        var fields = (JsonNode.Parse(notice.CustomFieldsJson) as JsonObject ?? []).Select(p => p.Value?.ToString());
        return new SearchDocument(
            NoticesManifest.Feature, Type, notice.Id.ToString(), notice.Title,
            string.Join('\n', new[] { notice.Body, notice.Category }.Concat(fields).Where(t => !string.IsNullOrEmpty(t))),
            notice.IsPublic ? $"notices#notice-{notice.Id}" : $"admin/notices#notice-{notice.Id}",
            notice.IsPublic ? [SearchAccess.Public, SearchAccess.Permission(NoticesManifest.ViewNotices)] : [SearchAccess.Permission(NoticesManifest.ViewNotices)],
            PublicFrom: notice.PublishedOn,
            PublicUntil: notice.ExpiresOn);
    }
}
