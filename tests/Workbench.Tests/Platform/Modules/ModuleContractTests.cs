using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Records;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Modules;
using Workbench.Platform.Recipes;

namespace Workbench.Tests.Platform.Modules;

/// <summary>One shape for "the other module is absent or disabled": <see cref="IModuleContract{TContract}.Current"/> is null.</summary>
public sealed class ModuleContractTests
{
    public interface IGreeting;

    private sealed class Greeting : IGreeting;

    private sealed class Tenant(params string[] features) : ITenantContext
    {
        public TenantInfo? Current { get; set; } = new("riga", DatabaseProvider.Sqlite, "", features.ToHashSet(), new SiteSettings());
    }

    private static IModuleContract<IGreeting> Contract(Tenant tenant, bool installed)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITenantContext>(tenant);
        services.AddScoped(typeof(IModuleContract<>), typeof(ModuleContract<>));
        if (installed) services.AddModuleContract<IGreeting, Greeting>("Greetings");
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<IModuleContract<IGreeting>>();
    }

    [Fact]
    public void A_module_that_is_not_installed_offers_nothing() =>
        Assert.Null(Contract(new Tenant("Greetings"), installed: false).Current);

    [Fact]
    public void A_module_offers_its_contract_only_while_the_tenant_has_its_feature()
    {
        var tenant = new Tenant();
        var contract = Contract(tenant, installed: true);
        Assert.Null(contract.Current);
        // A recipe run enables features as it goes: the contract follows the tenant.
        tenant.Current = tenant.Current! with { EnabledFeatures = new HashSet<string> { "Greetings" } };
        Assert.IsType<Greeting>(contract.Current);
        tenant.Current = null;
        Assert.Null(contract.Current);
    }

    [Fact]
    public void Records_an_earlier_recipe_step_creates_are_known_by_contract_and_id()
    {
        var state = new RecipeRunState();
        var card = Guid.NewGuid();
        state.Announce<IServiceCardDirectory>(card);
        Assert.True(state.IsAnnounced<IServiceCardDirectory>(card));
        Assert.False(state.IsAnnounced<IServiceCaseDirectory>(card));
        Assert.False(state.IsAnnounced<IServiceCardDirectory>(Guid.NewGuid()));
    }
}
