using System.Text.Json.Nodes;

namespace Workbench.Notices.Domain;

/// <summary>The JSON the create API and the <c>notices</c> recipe step accept (and the read API returns, plus <c>id</c>).</summary>
public sealed record NoticeInput
{
    /// <summary>Optional on create; an existing id updates that notice.</summary>
    public Guid? Id { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Category { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public bool IsPublic { get; init; }
    public JsonObject? CustomFields { get; init; }

    public static NoticeInput From(Notice notice) => new()
    {
        Id = notice.Id,
        Title = notice.Title,
        Body = notice.Body,
        Category = notice.Category,
        PublishedOn = notice.PublishedOn,
        ExpiresOn = notice.ExpiresOn,
        IsPublic = notice.IsPublic,
        CustomFields = JsonNode.Parse(notice.CustomFieldsJson) as JsonObject,
    };
}
