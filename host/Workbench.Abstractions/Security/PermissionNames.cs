namespace Workbench.Abstractions.Security;

/// <summary>Permissions of the platform itself. Modules declare theirs in their manifests.</summary>
public static class PermissionNames
{
    public const string AccessAdmin = "AccessAdmin";
    public const string ManageFeatures = "ManageFeatures";
    public const string ManageRoles = "ManageRoles";
    public const string ManageUsers = "ManageUsers";
    public const string ManageSettings = "ManageSettings";
    public const string ManageCustomFields = "ManageCustomFields";
    public const string RunRecipes = "RunRecipes";
    public const string ViewAuditLog = "ViewAuditLog";
    public const string ManageOpenIdApplications = "ManageOpenIdApplications";
    public const string ManageWorkflows = "ManageWorkflows";

    /// <summary>Authorization policy name for a permission: use with <c>[Authorize(Policy = ...)]</c> or <c>RequireAuthorization</c>.</summary>
    public static string Policy(string permission) => "permission:" + permission;
}

/// <summary>The roles every tenant starts with.</summary>
public static class BuiltInRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Specialist = "Specialist";
    public const string Viewer = "Viewer";
    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Specialist, Viewer];
}
