using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.Data;
using Workbench.Platform.Signals;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Platform.Signals;

/// <summary>
/// Live screens on every node: a signal sent by one node wakes the watchers of that tenant's subject on another node
/// that shares the PostgreSQL host database — and nobody else's.
/// </summary>
public sealed class SignalTests
{
    private static (SignalHub Hub, PostgresSignalRelay Relay) Node(DatabaseProvider provider = DatabaseProvider.Postgres)
    {
        var options = Options.Create(new WorkbenchOptions { HostDatabaseProvider = provider, HostConnectionString = provider == DatabaseProvider.Postgres ? Postgres.Server : null });
        var hub = new SignalHub();
        return (hub, new PostgresSignalRelay(new HostDatabase(options, new DataPaths(Path.GetTempPath())), hub, NullLogger<PostgresSignalRelay>.Instance));
    }

    private static async Task<bool> WokenWithinAsync(Workbench.Abstractions.Data.ChangeWatch watch, TimeSpan time)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(time);
        try { return await watch.Changes.WaitToReadAsync(timeout.Token) && watch.Changes.TryRead(out _); }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested) { return false; }
    }

    [Fact]
    public async Task A_signal_from_one_node_wakes_the_watchers_of_that_subject_on_another_within_a_second()
    {
        var ct = TestContext.Current.CancellationToken;
        var (hubA, relayA) = Node();
        var (hubB, relayB) = Node();
        await relayA.StartAsync(ct);
        await relayB.StartAsync(ct);
        try
        {
            var vote = Guid.NewGuid();
            using var onB = hubB.Watch("riga", "council.tally", vote);
            using var otherTenant = hubB.Watch("ventspils", "council.tally", vote);
            using var otherSubject = hubB.Watch("riga", "council.tally", Guid.NewGuid());
            using var onA = hubA.Watch("riga", "council.tally", vote);
            // The listener may still be connecting: a first signal is sent until B hears one.
            var heard = false;
            for (var attempt = 0; attempt < 20 && !heard; attempt++)
            {
                await relayA.SendAsync("riga", "council.tally", vote);
                heard = await WokenWithinAsync(onB, TimeSpan.FromMilliseconds(500));
            }
            Assert.True(heard, "node B never heard node A's signal");

            var sent = System.Diagnostics.Stopwatch.StartNew();
            await relayA.SendAsync("riga", "council.tally", vote);
            Assert.True(await WokenWithinAsync(onB, TimeSpan.FromSeconds(1)), "node B's screen was not woken within a second");
            Assert.True(sent.Elapsed < TimeSpan.FromSeconds(1));
            // Only that tenant's subject; and a node does not hear itself (it woke its own watchers when it signalled).
            Assert.False(await WokenWithinAsync(otherTenant, TimeSpan.FromMilliseconds(300)));
            Assert.False(await WokenWithinAsync(otherSubject, TimeSpan.FromMilliseconds(50)));
            Assert.False(await WokenWithinAsync(onA, TimeSpan.FromMilliseconds(50)));
        }
        finally
        {
            await relayA.StopAsync(CancellationToken.None);
            await relayB.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_burst_of_signals_wakes_a_watcher_once_and_a_watcher_that_left_is_forgotten()
    {
        var (hub, relay) = Node(DatabaseProvider.Sqlite);
        Assert.False(relay.Enabled);
        var subject = Guid.NewGuid();
        var watch = hub.Watch("riga", "council.quorum", subject);
        for (var i = 0; i < 5; i++) hub.Wake("riga", "council.quorum", subject);
        Assert.True(watch.Changes.TryRead(out _));
        Assert.False(watch.Changes.TryRead(out _));
        watch.Dispose();
        hub.Wake("riga", "council.quorum", subject);
        Assert.False(watch.Changes.TryRead(out _));
        Assert.True(watch.Changes.Completion.IsCompleted);
        await relay.SendAsync("riga", "council.quorum", subject); // nothing to carry with one SQLite node
    }
}
