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

    private HostProcess(Process process, string dataPath, Uri baseAddress) => (_process, DataPath, BaseAddress) = (process, dataPath, baseAddress);

    /// <param name="hostDll">The host to start: the build output by default, or a published one.</param>
    public static async Task<HostProcess> StartAsync(string? hostDll = null)
    {
        hostDll ??= Repository.HostDll;
        var port = FreePort();
        var data = Repository.NewTempFolder("wb-browser");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostDll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { hostDll, "--urls", $"http://127.0.0.1:{port}" }) info.ArgumentList.Add(arg);
        info.Environment["Workbench__DataPath"] = data;
        info.Environment["Workbench__Setup__AdminPassword"] = WorkbenchFactory.AdminPassword;
        info.Environment["Workbench__PluginsPath"] = Path.Combine(data, "plugins");
        // Every test request comes from 127.0.0.1; RateLimitTests checks the limits themselves.
        info.Environment["Workbench__RateLimits__SignInPerMinute"] = "100000";
        info.Environment["Workbench__RateLimits__TokenPerMinute"] = "100000";
        var process = Process.Start(info)!;
        var host = new HostProcess(process, data, new Uri($"http://127.0.0.1:{port}"));
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
        for (var i = 0; i < 300; i++)
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}
