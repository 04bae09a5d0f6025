using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// Live updates for every screen watching something (a vote's tally, a meeting's quorum): each watcher gets a channel
/// that keeps only the newest value, so a slow screen skips to the current state instead of falling behind.
/// Values are read after the change has committed, one reader at a time per subject: two changes committing together
/// cannot publish in the wrong order and leave a screen on the older state.
/// In-process: with several host nodes each node tells its own watchers (a shared bus would be needed across nodes).
/// </summary>
public sealed class LiveFeed<T>
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<T>, byte>> _watchers = new();
    // Striped rather than one lock per subject, so that memory stays bounded however many meetings there are.
    private readonly SemaphoreSlim[] _readers = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public (ChannelReader<T> Reader, IDisposable Subscription) Watch(Guid subject)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var watchers = _watchers.GetOrAdd(subject, _ => new());
        watchers[channel] = 0;
        return (channel.Reader, new Subscription(() =>
        {
            watchers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        }));
    }

    /// <summary>Reads the current value and tells everyone watching any of <paramref name="subjects"/>; call after commit.</summary>
    public async Task PublishCurrentAsync(Func<Task<T>> readCurrent, params Guid[] subjects)
    {
        if (!subjects.Any(_watchers.ContainsKey)) return;
        var reader = _readers[(subjects[0].GetHashCode() & int.MaxValue) % _readers.Length];
        await reader.WaitAsync();
        try
        {
            var value = await readCurrent();
            foreach (var subject in subjects)
                if (_watchers.TryGetValue(subject, out var watchers))
                    foreach (var channel in watchers.Keys) channel.Writer.TryWrite(value);
        }
        finally
        {
            reader.Release();
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <summary>A meeting's quorum as the screens show it.</summary>
public sealed record QuorumStatus(Guid MeetingId, int VotingMembers, int Present, bool Quorum);
