using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Workbench.Abstractions.Integration;

namespace Workbench.Platform.Outbox;

/// <summary>SMTP server for outgoing e-mail (<c>Workbench:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Workbench:Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, or <c>None</c> (a relay on this machine only).</summary>
    public string Security { get; set; } = "StartTls";
    public string From { get; set; } = "workbench@localhost";
    public string? User { get; set; }
    public string? Password { get; set; }
}

/// <summary>Sends queued <see cref="EmailMessage"/>s with MailKit; a refusal or an unreachable server is retried by the outbox.</summary>
public sealed class SmtpEmailAdapter(IOptions<SmtpOptions> options) : IOutboxAdapter
{
    public string Name => Email.OutboxAdapter;

    public async Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (string.IsNullOrEmpty(smtp.Host)) throw new InvalidOperationException("E-pasta serveris nav konfigurēts (Workbench:Smtp:Host is not set).");
        var message = JsonSerializer.Deserialize<EmailMessage>(delivery.PayloadJson, JsonSerializerOptions.Web)!;
        var mime = new MimeMessage { Subject = message.Subject };
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var to in message.To) mime.To.Add(MailboxAddress.Parse(to));
        // The outbox's key: a repeated delivery is recognisable as the same message.
        mime.MessageId = $"{delivery.IdempotencyKey.Replace(':', '.')}@workbench";
        var body = new BodyBuilder { TextBody = message.Text };
        foreach (var attachment in message.Attachments ?? [])
            body.Attachments.Add(attachment.FileName, System.Text.Encoding.UTF8.GetBytes(attachment.Content), ContentType.Parse(attachment.ContentType));
        mime.Body = body.ToMessageBody();
        using var client = new SmtpClient();
        var security = smtp.Security switch { "SslOnConnect" => SecureSocketOptions.SslOnConnect, "None" => SecureSocketOptions.None, _ => SecureSocketOptions.StartTls };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
