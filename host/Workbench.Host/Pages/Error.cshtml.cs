using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;

namespace Workbench.Host.Pages;

/// <summary>Friendly error pages; never a stack trace.</summary>
[HostEndpoint]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(ITenantContext tenant) : PageModel
{
    public bool HasTenant => tenant.Current is not null;
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Re-executed after an exception, the status is already set (e.g. 400 for a malformed form).
        var status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        (Title, Message) = status switch
        {
            404 => ("Lapa nav atrasta (404)", "Šādas lapas nav, vai šī funkcija pašvaldībā nav ieslēgta. The page does not exist here."),
            401 => ("Nepieciešama pieslēgšanās (401)", "Lūdzu, pieslēdzieties. Please sign in."),
            403 => ("Piekļuve liegta (403)", "Jums nav tiesību atvērt šo lapu. You may not open this page."),
            400 => ("Nederīgs pieprasījums (400)", "Pieprasījumu nevarēja apstrādāt. The request could not be processed."),
            _ => ("Kļūda", "Radās kļūda; tā ir reģistrēta žurnālā. Something went wrong; it has been logged."),
        };
        Response.StatusCode = status;
    }
}
