using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Workbench.Tests.Infrastructure;

/// <summary>The real host executable on Kestrel at a free loopback port, for browser tests and benchmarks.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string DataPath { get; }
    public Uri BaseAddress { get; }
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    /// <summary>The host's last warnings and errors, for a failing test's message.</summary>
    public string RecentProblems => string.Join('\n', _log);

    private void Keep(string? line)
    {
        if (line is null || !(line.Contains(" WRN]", StringComparison.Ordinal) || line.Contains(" ERR]", StringComparison.Ordinal) || line.StartsWith("   at ", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal))) return;
        _log.Enqueue(line);
        while (_log.Count > 60) _log.TryDequeue(out _);
    }

    /// <summary>The data folder belongs to the caller (a restart on it follows): it stays when the host goes.</summary>
    private readonly bool _keepData;

    private HostProcess(Process process, string dataPath, bool keepData, Uri baseAddress) => (_process, DataPath, _keepData, BaseAddress) = (process, dataPath, keepData, baseAddress);

    /// <param name="hostDll">The host to start: the build output by default, or a published one.</param>
    /// <param name="dataPath">A data folder to start on (kept afterwards); a new one by default.</param>
    /// <param name="settings">More environment settings, e.g. <c>Workbench__OutboxPollSeconds</c>.</param>
    public static async Task<HostProcess> StartAsync(string? hostDll = null, string? dataPath = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        hostDll ??= Repository.HostDll;
        var port = FreePort();
        var data = dataPath ?? Repository.NewTempFolder("wb-browser");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostDll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { hostDll, "--urls", $"http://127.0.0.1:{port}" }) info.ArgumentList.Add(arg);
        info.Environment["Workbench__DataPath"] = data;
        info.Environment["Workbench__Setup__AdminPassword"] = WorkbenchFactory.AdminPassword;
        info.Environment["Workbench__PluginsPath"] = Path.Combine(data, "plugins");
        // Every test request comes from 127.0.0.1; RateLimitTests checks the limits themselves.
        info.Environment["Workbench__RateLimits__SignInPerMinute"] = "100000";
        info.Environment["Workbench__RateLimits__TokenPerMinute"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var process = Process.Start(info)!;
        var host = new HostProcess(process, data, dataPath is not null, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilRunningAsync();
        return host;
    }

    private async Task WaitUntilRunningAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        // Two minutes: setting up four tenants from their recipes is slow on a shared, loaded two-core machine.
        for (var i = 0; i < 1200; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"host exited with {_process.ExitCode}");
            try
            {
                using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
                var states = health.RootElement.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("state").GetString()).ToList();
                if (states.Count >= 4 && states.All(s => s == "Running")) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(100);
        }
        throw new TimeoutException("host did not get all tenants running");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL, as a power cut or the OOM killer would: nothing is flushed or finished.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (_keepData) return;
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}
