using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Data;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Operations;

/// <summary>The data-protection key ring is in the host database, encrypted, and shared by every node.</summary>
public sealed class SharedKeyRingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_issued_by_one_node_works_on_another_and_the_keys_are_encrypted_in_the_host_database()
    {
        await using var nodeA = new WorkbenchFactory();
        await nodeA.StartAsync();
        var cookie = await JsonApi.StaffCookieAsync(nodeA.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false }), "smiltene");

        Assert.False(Directory.Exists(Path.Combine(nodeA.DataPath, "keys")), "no key files beside the databases");
        await using var registry = nodeA.Services.GetRequiredService<HostDatabase>().CreateContext();
        var keys = await registry.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Ct);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedData", xml));

        // A second node on the same registry and databases accepts node A's cookie.
        await using var nodeB = new WorkbenchFactory { Settings = { ["Workbench:DataPath"] = nodeA.DataPath } };
        await nodeB.StartAsync();
        var onB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/smiltene/api/admin/users", Ct)).StatusCode);
    }

    [Fact]
    public async Task Keys_an_earlier_version_kept_in_files_join_the_shared_ring_so_what_they_protect_stays_readable()
    {
        await using var host = new WorkbenchFactory();
        var earlier = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(host.DataPath, "keys")), b => b.SetApplicationName("Workbench"));
        var payload = earlier.CreateProtector("test").Protect("noslēpums");

        await host.StartAsync();
        Assert.Equal("noslēpums", host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
    }
}
