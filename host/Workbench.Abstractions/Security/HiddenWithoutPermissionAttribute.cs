namespace Workbench.Abstractions.Security;

/// <summary>
/// Endpoint metadata for restricted-access information (ierobežotas pieejamības informācija): whoever does not hold
/// <see cref="Permission"/> in the tenant — anonymous callers included — gets the same 404 as for a module that is not
/// enabled, before any sign-in or permission check could answer 401 or 403 and so hint that something is there.
/// Put it on a page model, or on an endpoint or group with <c>WithMetadata</c>; keep the permission policy beside it
/// so that the endpoint still declares what it needs.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class HiddenWithoutPermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}
