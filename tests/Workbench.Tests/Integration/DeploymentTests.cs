using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Integration;

/// <summary>
/// The files in <c>deploy/</c>, used as they are: the systemd unit passes systemd's own check, and the real host behind
/// a real nginx with the Workbench proxy snippet serves pages, caches static files, refuses oversized uploads at the
/// proxy and passes live events through at once.
/// </summary>
public sealed class DeploymentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static string Deploy => Path.Combine(Repository.Root, "deploy");

    [Fact]
    public async Task The_systemd_unit_passes_systemds_check()
    {
        var result = await ProcessRunner.RunAsync("systemd-analyze", ["verify", Path.Combine(Deploy, "workbench.service")]);
        Assert.True(result.ExitCode == 0 && result.Error.Trim().Length == 0, $"{result.Output}\n{result.Error}");
    }

    [Fact]
    public async Task Behind_nginx_pages_static_files_uploads_and_live_events_work()
    {
        await using var host = await HostProcess.StartAsync();
        await using var nginx = await Nginx.StartAsync(host.BaseAddress.Port);
        using var client = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var page = await client.GetAsync("/riga/", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("nginx", page.Headers.Server.ToString());
        Assert.True(page.Headers.Contains("Content-Security-Policy"), "the host's headers pass through");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);

        var css = await client.GetAsync("/_content/Workbench.Themes.Admin/admin.css", Ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.True(css.Headers.CacheControl?.Public, "static files are cacheable");

        // The proxy refuses an upload past its limit before the host reads it.
        var tooLarge = await client.PostAsync("/riga/api/kb/00000000-0000-0000-0000-000000000001/attachments", new ByteArrayContent(new byte[31 * 1024 * 1024]), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);

        // A live screen gets the quorum at once: nginx does not hold the event in its buffer.
        var meeting = (await client.GetFromJsonAsync<List<JsonElement>>("/riga/api/council/meetings", Ct))!.First().GetProperty("id").GetString();
        using var stream = await client.GetStreamAsync($"/riga/api/council/meetings/{meeting}/quorum/stream", Ct);
        using var reader = new StreamReader(stream);
        using var soon = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        soon.CancelAfter(TimeSpan.FromSeconds(5));
        string? line;
        do line = await reader.ReadLineAsync(soon.Token);
        while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));
        Assert.Contains("present", line);
    }

    /// <summary>nginx with a test's main configuration around the deploy snippets, on a free loopback port.</summary>
    private sealed class Nginx : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;
        public Uri BaseAddress { get; }

        private Nginx(Process process, string folder, Uri baseAddress) => (_process, _folder, BaseAddress) = (process, folder, baseAddress);

        public static async Task<Nginx> StartAsync(int hostPort)
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
                    include {{Deploy}}/nginx/workbench-map.conf;
                    upstream workbench { server 127.0.0.1:{{hostPort}}; keepalive 8; }
                    server {
                        listen 127.0.0.1:{{port}};
                        include {{Deploy}}/nginx/workbench-proxy.conf;
                    }
                }
                """, Ct);
            var check = await ProcessRunner.RunAsync("nginx", ["-t", "-c", config]);
            Assert.True(check.ExitCode == 0, check.Error);
            var info = new ProcessStartInfo("nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-c", config, "-g", "daemon off;" }) info.ArgumentList.Add(argument);
            var nginx = new Nginx(Process.Start(info)!, folder, new Uri($"http://127.0.0.1:{port}"));
            using var probe = new HttpClient();
            for (var i = 0; i < 100; i++)
            {
                try { await probe.GetAsync(nginx.BaseAddress, Ct); return nginx; }
                catch (HttpRequestException) { await Task.Delay(50, Ct); }
            }
            throw new TimeoutException("nginx did not start: " + await File.ReadAllTextAsync(Path.Combine(folder, "error.log"), Ct));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
    }
}
