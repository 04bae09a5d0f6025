namespace Workbench.Abstractions.Search;

/// <summary>
/// One item in the tenant's shared search index.
/// </summary>
/// <param name="Feature">The feature that owns the item: while it is disabled in the tenant the item is never found.</param>
/// <param name="Access">Who may see the item (<see cref="SearchAccess"/>): any one token is enough.</param>
/// <param name="PublicFrom">With <see cref="SearchAccess.Public"/>: anonymous callers find the item only from this day…</param>
/// <param name="PublicUntil">…until this day (inclusive), in the tenant's time zone.</param>
public sealed record SearchDocument(
    string Feature,
    string Type,
    string Id,
    string Title,
    string Text,
    string Url,
    IReadOnlyList<string> Access,
    DateOnly? PublicFrom = null,
    DateOnly? PublicUntil = null)
{
    /// <summary>Files whose text is indexed with the item (PDF, DOCX, DOC); an unreadable file is logged and skipped.</summary>
    public IReadOnlyList<SearchAttachment> Attachments { get; init; } = [];
}

public sealed record SearchAttachment(string FileName, byte[] Content);

/// <summary>Access tokens of search items.</summary>
public static class SearchAccess
{
    /// <summary>Anyone, signed in or not.</summary>
    public const string Public = "public";

    /// <summary>Whoever holds the permission in the tenant.</summary>
    public static string Permission(string permission) => "permission:" + permission;

    /// <summary>One person (e.g. on a restricted document's access list), by user id.</summary>
    public static string User(string userId) => "user:" + userId;

    /// <summary>One person by the e-mail address of their account (access lists name people by address).</summary>
    public static string Email(string email) => "email:" + email.Trim().ToLowerInvariant();
}
