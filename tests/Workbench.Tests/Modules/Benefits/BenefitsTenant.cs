using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.Benefits;

/// <summary>A fresh municipality with the base recipe and the demo relief catalogue (benefits-riga), on either engine.</summary>
public static class BenefitsTenant
{
    public const string Api = "api/benefits";
    private const string Recipe = "benefits-test";

    public static async Task<string> CreateAsync(WorkbenchFactory host, DatabaseProvider provider)
    {
        var file = Path.Combine(host.RecipesPath, Recipe + ".recipe.json");
        if (!File.Exists(file))
            await File.WriteAllTextAsync(file, """
                {"name": "benefits-test", "steps": [{"name": "recipes", "values": [{"executionid": "t", "name": "municipality-base"}, {"executionid": "t", "name": "benefits-riga"}]}]}
                """);
        return provider == DatabaseProvider.Sqlite ? await host.CreateTenantAsync(Recipe)
            : await host.CreateTenantAsync(Recipe, provider, Postgres.Database("wb_ben_" + Guid.NewGuid().ToString("N")[..10]));
    }
}
