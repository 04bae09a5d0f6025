using System.Security.Claims;
using Workbench.Abstractions.Security;
using Workbench.DocumentRegister.Data;

namespace Workbench.DocumentRegister.Domain;

/// <summary>
/// Who sees a document: a restricted one only the people on its access list (the registrar and the executor are put
/// on it); any other one whoever may read documents, and its access list too. Pages, API, exports, search and counts
/// all go through <see cref="Visible"/>.
/// </summary>
public sealed class DocumentAccessRule(DocumentRegisterDbContext db, IPermissionService permissions)
{
    public static string? EmailOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email)?.Trim().ToLowerInvariant();

    public IQueryable<Document> Visible(ClaimsPrincipal user)
    {
        var email = EmailOf(user) ?? "";
        var readsOpen = permissions.HasPermission(user, DocumentRegisterManifest.ViewDocuments);
        return db.Documents.Where(d => (readsOpen && !d.Restricted) || db.Access.Any(a => a.DocumentId == d.Id && a.Email == email));
    }
}
