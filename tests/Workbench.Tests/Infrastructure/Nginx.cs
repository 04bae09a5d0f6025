using System.Diagnostics;

namespace Workbench.Tests.Infrastructure;

/// <summary>nginx with a test's main configuration around the deploy snippets, on a free loopback port.</summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    public Uri BaseAddress { get; }

    private Nginx(Process process, string folder, Uri baseAddress) => (_process, _folder, BaseAddress) = (process, folder, baseAddress);

    /// <param name="hostPorts">The host nodes nginx balances over.</param>
    public static async Task<Nginx> StartAsync(params int[] hostPorts)
    {
        var folder = Repository.NewTempFolder("wb-nginx");
        var port = HostProcess.FreePort();
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{Repository.Deploy}}/nginx/workbench-map.conf;
                upstream workbench { {{string.Join(" ", hostPorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;"))}} keepalive 8; }
                server {
                    listen 127.0.0.1:{{port}};
                    include {{Repository.Deploy}}/nginx/workbench-proxy.conf;
                }
            }
            """, TestContext.Current.CancellationToken);
        var check = await ProcessRunner.RunAsync("nginx", ["-t", "-c", config]);
        Assert.True(check.ExitCode == 0, check.Error);
        var info = new ProcessStartInfo("nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-c", config, "-g", "daemon off;" }) info.ArgumentList.Add(argument);
        var nginx = new Nginx(Process.Start(info)!, folder, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try { await probe.GetAsync(nginx.BaseAddress, TestContext.Current.CancellationToken); return nginx; }
            catch (HttpRequestException) { await Task.Delay(50, TestContext.Current.CancellationToken); }
        }
        throw new TimeoutException("nginx did not start: " + await File.ReadAllTextAsync(Path.Combine(folder, "error.log"), TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
