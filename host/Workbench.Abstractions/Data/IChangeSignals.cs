using System.Threading.Channels;

namespace Workbench.Abstractions.Data;

/// <summary>
/// "This changed" for screens that stay open (a vote's tally, a meeting's quorum), on every node of the host: a module
/// signals a subject after its change commits, and each watcher — on this node or another — reads the current state
/// itself. Signals carry no data (nothing to leak, nothing to get out of order); a burst of them wakes a watcher once.
/// </summary>
public interface IChangeSignals
{
    /// <summary>Tells every watcher of <paramref name="subject"/> under <paramref name="topic"/> in this tenant, once the current transaction commits (at once when there is none).</summary>
    Task SignalAsync(string topic, Guid subject);

    /// <summary>Watches a subject in this tenant until disposed; <see cref="ChangeWatch.Changes"/> yields after each change.</summary>
    ChangeWatch Watch(string topic, Guid subject);
}

/// <summary>A watcher's wake-ups (at most one pending: a slow screen skips to the current state) and the end of watching.</summary>
public sealed class ChangeWatch(ChannelReader<bool> changes, Action stop) : IDisposable
{
    public ChannelReader<bool> Changes { get; } = changes;

    public void Dispose() => stop();
}
