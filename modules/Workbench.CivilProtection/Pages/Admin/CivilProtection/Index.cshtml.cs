using Workbench.CivilProtection.Domain;

namespace Workbench.CivilProtection.Pages.Admin.CivilProtection;

/// <summary>The module's start page: what is registered and which scenarios lack something.</summary>
public sealed class IndexModel(RegisterService register, Readiness readiness) : CivilProtectionPageModel
{
    public int Resources { get; private set; }
    public int Shelters { get; private set; }
    public List<ReadinessView> Readiness { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Resources = (await register.ResourcesAsync(new(), ct)).Count;
        Shelters = (await register.SheltersAsync(publicOnly: false, ct)).Count;
        Readiness = await readiness.AllAsync(null, ct);
    }
}
