using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

public sealed class SheltersModel(RegisterService register) : CivilProtectionPageModel
{
    public List<Shelter> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await register.SheltersAsync(publicOnly: false, ct);
}
