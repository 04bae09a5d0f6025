using System.Diagnostics;

namespace Workbench.Tests.Infrastructure;

/// <summary>A Node program from the tests folder (e.g. oidc-provider as an upstream provider) running until disposed.</summary>
public sealed class NodePeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private NodePeer(Process process) => _process = process;

    /// <summary>Starts <c>node tests/Workbench.Tests/{script}</c> and waits until it prints <c>ready</c>.</summary>
    public static async Task<NodePeer> StartAsync(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.Combine(Repository.Root, "tests", "Workbench.Tests") };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var peer = new NodePeer(Process.Start(info)!);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        peer._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (peer._output) peer._output.Add(e.Data);
            if (e.Data == "ready") ready.TrySetResult();
        };
        peer._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (peer._output) peer._output.Add(e.Data); };
        peer._process.BeginOutputReadLine();
        peer._process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(30)), peer._process.WaitForExitAsync()) != ready.Task)
            throw new InvalidOperationException($"node {script} did not start:\n{peer.Output}");
        return peer;
    }

    public string Output { get { lock (_output) return string.Join('\n', _output); } }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
