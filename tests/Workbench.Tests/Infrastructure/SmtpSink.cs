using System.Text.Json;

namespace Workbench.Tests.Infrastructure;

/// <summary>A local SMTP server (smtp-server on Node) that prints every message it receives as a JSON line.</summary>
public static class SmtpSink
{
    public static async Task<(NodePeer Sink, int Port)> StartAsync()
    {
        var port = HostProcess.FreePort();
        return (await NodePeer.StartAsync(Path.Combine("Infrastructure", "Peers", "smtp-sink.mjs"), port.ToString()), port);
    }

    /// <summary>Points the host's SMTP at the sink and lets the outbox send at once.</summary>
    public static void Use(WorkbenchFactory host, int port, string from)
    {
        host.Settings["Workbench:Smtp:Host"] = "127.0.0.1";
        host.Settings["Workbench:Smtp:Port"] = port.ToString();
        host.Settings["Workbench:Smtp:Security"] = "None";
        host.Settings["Workbench:Smtp:From"] = from;
        host.Settings["Workbench:OutboxPollSeconds"] = "0.2";
    }

    /// <summary>Waits until the sink has printed <paramref name="count"/> messages (the outbox sends them in the background).</summary>
    public static async Task<List<JsonElement>> MailsAsync(NodePeer sink, int count)
    {
        for (var i = 0; i < 300; i++)
        {
            var mails = sink.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            if (mails.Count >= count) return mails;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"the SMTP sink received fewer than {count} messages:\n{sink.Output}");
    }
}
