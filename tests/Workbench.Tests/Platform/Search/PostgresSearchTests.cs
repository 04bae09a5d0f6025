using Workbench.Abstractions.Tenants;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Search;

/// <summary>The same search scenarios on a tenant whose database is PostgreSQL (tsvector + GIN).</summary>
public sealed class PostgresSearchTests(HostFixture host)
{
    private Task<string> TenantAsync() =>
        host.CreateTenantAsync("riga", DatabaseProvider.Postgres, Postgres.Database("wb_" + Guid.NewGuid().ToString("N")[..12]));

    [Fact]
    public async Task Latvian_queries_on_postgres() => await SearchScenarios.LatvianQueriesAsync(host, await TenantAsync());

    [Fact]
    public async Task Trimming_on_postgres() => await SearchScenarios.TrimmingAsync(host, await TenantAsync());

    [Fact]
    public async Task Feature_toggle_on_postgres() => await SearchScenarios.FeatureToggleAsync(host, await TenantAsync());
}
