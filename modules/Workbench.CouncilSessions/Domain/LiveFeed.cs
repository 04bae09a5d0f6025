using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// Live updates for every screen watching something (a vote's tally, a meeting's quorum): each watcher gets a channel
/// that keeps only the newest value, so a slow screen skips to the current state instead of falling behind.
/// In-process: with several host nodes each node tells its own watchers (a shared bus would be needed across nodes).
/// </summary>
public sealed class LiveFeed<T>
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<T>, byte>> _watchers = new();

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

    public void Publish(Guid subject, T value)
    {
        if (!_watchers.TryGetValue(subject, out var watchers)) return;
        foreach (var channel in watchers.Keys) channel.Writer.TryWrite(value);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <summary>A meeting's quorum as the screens show it.</summary>
public sealed record QuorumStatus(Guid MeetingId, int VotingMembers, int Present, bool Quorum);
