using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Workbench.Platform.Localization;

/// <summary>
/// Every problem answer — a refusal a service threw, a validation problem an endpoint returned, a bare status — leaves
/// in the caller's language: services write Latvian, and this one step translates title, detail and each field's
/// messages through the same <c>Localization/en.json</c> files the pages use.
/// </summary>
public static class ProblemTranslation
{
    public static void Translate(ProblemDetailsContext context)
    {
        var culture = context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        if (culture.TwoLetterISOLanguageName != "en") return;
        var localizer = context.HttpContext.RequestServices.GetRequiredService<JsonStringLocalizer>();
        var problem = context.ProblemDetails;
        if (problem.Title is { } title) problem.Title = localizer.Translate(title, culture).Value;
        if (problem.Detail is { } detail) problem.Detail = localizer.Translate(detail, culture).Value;
        if (problem is HttpValidationProblemDetails validation)
            foreach (var field in validation.Errors.Keys.ToList())
                validation.Errors[field] = validation.Errors[field].Select(m => localizer.Translate(m, culture).Value).ToArray();
    }
}
