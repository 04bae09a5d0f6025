using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.Abstractions.Modules;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Pages.Services;

[RequiresFeature(PlatformFeatures.PublicSite)]
public sealed class CardModel(ServiceCardService cards) : PageModel
{
    public ServiceCardInput? Card { get; private set; }

    public string ChannelName(Channel channel) => channel switch
    {
        Channel.InPerson => "klātienē",
        Channel.Vpvkac => "valsts un pašvaldības vienotajā klientu apkalpošanas centrā",
        Channel.Phone => "pa tālruni",
        Channel.Email => "e-pastā",
        Channel.EService => "e-pakalpojumā",
        _ => "e-adresē",
    };

    public async Task<IActionResult> OnGetAsync(string identifier, CancellationToken ct)
    {
        var card = await cards.FindPublishedAsync(identifier, ct);
        if (card is null) return NotFound();
        Card = ServiceCardService.View(card, staff: false);
        return Page();
    }
}
