using System.Collections.Concurrent;
using System.Threading.Channels;
using Workbench.Abstractions.Data;

namespace Workbench.Platform.Signals;

/// <summary>This node's watchers, by tenant, topic and subject; wakes them when a signal arrives from here or another node.</summary>
public sealed class SignalHub
{
    private readonly ConcurrentDictionary<(string Tenant, string Topic, Guid Subject), ConcurrentDictionary<Channel<bool>, byte>> _watchers = new();

    public ChangeWatch Watch(string tenant, string topic, Guid subject)
    {
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var key = (tenant, topic, subject);
        var watchers = _watchers.GetOrAdd(key, _ => new());
        watchers[channel] = 0;
        return new ChangeWatch(channel.Reader, () =>
        {
            watchers.TryRemove(channel, out _);
            // The last watcher of a subject leaves no entry behind (meetings end; memory stays bounded).
            if (watchers.IsEmpty) _watchers.TryRemove(new KeyValuePair<(string, string, Guid), ConcurrentDictionary<Channel<bool>, byte>>(key, watchers));
            channel.Writer.TryComplete();
        });
    }

    /// <summary>Every watcher on this node: after signals may have been missed (the link to the other nodes was down).</summary>
    public void WakeAll()
    {
        foreach (var channel in _watchers.Values.SelectMany(w => w.Keys)) channel.Writer.TryWrite(true);
    }

    public void Wake(string tenant, string topic, Guid subject)
    {
        if (!_watchers.TryGetValue((tenant, topic, subject), out var watchers)) return;
        foreach (var channel in watchers.Keys) channel.Writer.TryWrite(true);
    }
}
