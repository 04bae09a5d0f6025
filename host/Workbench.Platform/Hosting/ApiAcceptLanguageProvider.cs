using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Workbench.Platform.Hosting;

/// <summary>
/// API callers choose their language with <c>Accept-Language</c> (any English — <c>en</c>, <c>en-GB</c> — is English, any
/// Latvian is Latvian, the first one named wins); pages keep the person's choice or the municipality's.
/// </summary>
public sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!ApiPaths.IsApi(httpContext.Request)) return NullProviderCultureResult;
        var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in languages)
        {
            var culture = language.Value.Value?.Split('-')[0].ToLowerInvariant() switch { "lv" => "lv-LV", "en" => "en-US", _ => null };
            if (culture is not null) return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
        }
        return NullProviderCultureResult;
    }
}
