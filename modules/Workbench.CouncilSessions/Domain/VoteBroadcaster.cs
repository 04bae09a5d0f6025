using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// Live tallies for every screen watching a vote (chair, members, public): each watcher gets a channel that keeps
/// only the newest tally, so a slow screen skips to the current count instead of falling behind. In-process: with
/// several host nodes each node tells its own watchers (a shared bus would be needed for cross-node screens).
/// </summary>
public sealed class VoteBroadcaster
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Channel<Tally>, byte>> _watchers = new();

    public (ChannelReader<Tally> Reader, IDisposable Subscription) Watch(Guid voteEventId)
    {
        var channel = Channel.CreateBounded<Tally>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var watchers = _watchers.GetOrAdd(voteEventId, _ => new());
        watchers[channel] = 0;
        return (channel.Reader, new Subscription(() =>
        {
            watchers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        }));
    }

    public void Publish(Tally tally)
    {
        if (!_watchers.TryGetValue(tally.VoteEventId, out var watchers)) return;
        foreach (var channel in watchers.Keys) channel.Writer.TryWrite(tally);
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
