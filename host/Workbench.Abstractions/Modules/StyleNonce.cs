using Microsoft.AspNetCore.Http;

namespace Workbench.Abstractions.Modules;

/// <summary>
/// The one inline style a page may carry (the tenant's brand colours) is allowed by a nonce that changes with every
/// response; the content security policy allows no other inline style or script.
/// </summary>
public static class StyleNonce
{
    private const string Key = "Workbench.StyleNonce";

    public static string Of(HttpContext context) => context.Items[Key] as string ?? "";

    public static void Set(HttpContext context, string nonce) => context.Items[Key] = nonce;
}
