using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Data;
using Workbench.Abstractions.Integration;
using Workbench.Abstractions.Tenants;
using Workbench.DocumentRegister.Data;
using Workbench.DocumentRegister.Domain;

namespace Workbench.DocumentRegister.Integration;

/// <summary>e-adrese (DEPP, the state's e-address) or DIV (document exchange between institutions).</summary>
public enum DeliveryChannel { Depp, Div }

/// <summary>
/// The JSON contract of an outgoing document, the same for both channels (ours, documented in the module README;
/// neither system has a public test endpoint). <paramref name="Recipient"/>: a DEPP e-address (personal code or
/// registration number), or a DIV institution's registration number.
/// </summary>
public sealed record OutgoingDocument(
    string Municipality, string RegistrationNumber, DateTime RegisteredUtc, string Title, string? Summary, string Recipient,
    IReadOnlyList<OutgoingFile> Files);

public sealed record OutgoingFile(string Name, string ContentType, string Sha256, string ContentBase64);

/// <summary>An item arriving from DEPP or DIV (pushed to <c>POST /{tenant}/api/documents/inbox/{channel}</c>).</summary>
public sealed record IncomingItem(string? MessageId, string? Sender, string? Title, string? Summary, DateOnly? DocumentDate, IReadOnlyList<IncomingFile>? Files);

public sealed record IncomingFile(string? Name, string? ContentType, string? ContentBase64);

public sealed record SendInput([property: JsonRequired] DeliveryChannel Channel, string? Recipient);

public sealed class DeppAdapter(IHttpClientFactory http, IConfiguration configuration) : JsonPostAdapter(http, configuration, "Depp")
{
    public override string Name => "depp";
}

public sealed class DivAdapter(IHttpClientFactory http, IConfiguration configuration) : JsonPostAdapter(http, configuration, "Div")
{
    public override string Name => "div";
}

/// <summary>
/// Sending registered outgoing documents through the outbox (in the same transaction as the audit entry, delivered
/// and retried afterwards), and registering received items in the register that takes the inbox.
/// </summary>
public sealed partial class ElectronicDelivery(
    DocumentRegisterDbContext db, DocumentRegistration registration, DocumentAttachments attachments, IOutbox outbox, IAuditLog audit, ITenantTransaction transaction, ITenantContext tenant)
{
    public Task SendAsync(Guid documentId, SendInput input, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new KeyNotFoundException("Nav tāda dokumenta.");
        if (document.Direction != Direction.Outgoing) throw new DocumentConflictException("Sūta tikai izejošos dokumentus.");
        var recipient = input.Recipient?.Trim() ?? "";
        var valid = input.Channel == DeliveryChannel.Depp ? EAddressRegex().IsMatch(recipient) : RegistrationNumberRegex().IsMatch(recipient);
        if (!valid)
            throw new ArgumentException(input.Channel == DeliveryChannel.Depp
                ? "E-adrese ir personas kods (000000-00000) vai reģistrācijas numurs (11 cipari)."
                : "DIV adresāts ir iestādes reģistrācijas numurs, 11 cipari.");
        var files = new List<OutgoingFile>();
        foreach (var attachment in await attachments.AttachmentsAsync(documentId, ct))
        {
            var content = await attachments.ContentAsync(attachment, ct);
            files.Add(new OutgoingFile(attachment.FileName, attachment.ContentType, attachment.Hash, Convert.ToBase64String(content)));
        }
        if (files.Count == 0) throw new DocumentConflictException("Dokumentam nav pievienotu datņu, ko sūtīt.");
        var channel = input.Channel == DeliveryChannel.Depp ? "depp" : "div";
        await outbox.EnqueueAsync(channel, $"{documentId}:{recipient}", new OutgoingDocument(tenant.Required.Name, document.RegistrationNumber, document.RegisteredUtc, document.Title, document.Summary, recipient, files), ct);
        await audit.AppendAsync($"documents.sent.{channel}", document.RegistrationNumber, new { recipient, files = files.Count }, ct);
        return true;
    }, ct);

    /// <summary>Registers a received item in the inbox register (once per message id), with its files attached.</summary>
    /// <returns>The document, and whether it was registered now (false: the same message came before).</returns>
    public Task<(Document Document, bool Created)> ReceiveAsync(DeliveryChannel channel, IncomingItem item, CancellationToken ct) => transaction.InTransactionAsync(async () =>
    {
        if (string.IsNullOrWhiteSpace(item.MessageId) || item.MessageId.Length > 100) throw new ArgumentException("messageId ir obligāts, līdz 100 zīmēm.");
        if (string.IsNullOrWhiteSpace(item.Sender)) throw new ArgumentException("sender ir obligāts.");
        var externalId = $"{channel.ToString().ToLowerInvariant()}:{item.MessageId.Trim()}";
        if (await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.ExternalId == externalId, ct) is { } known) return (known, false);
        var register = await db.Registers.AsNoTracking().Where(r => r.InboxCaseFileId != null && r.Direction == Direction.Incoming).OrderBy(r => r.Code).FirstOrDefaultAsync(ct)
            ?? throw new DocumentConflictException("Neviens reģistrs nepieņem elektroniski saņemtos dokumentus.");
        var files = new List<(string Name, string ContentType, byte[] Content)>();
        foreach (var file in item.Files ?? [])
        {
            if (string.IsNullOrWhiteSpace(file.Name)) throw new ArgumentException("Katrai datnei vajag nosaukumu.");
            try { files.Add((file.Name, file.ContentType ?? "application/octet-stream", Convert.FromBase64String(file.ContentBase64 ?? ""))); }
            catch (FormatException) { throw new ArgumentException($"Datnes \"{file.Name}\" saturs nav base64."); }
        }
        // The register's required fields are not checked here: what arrived is registered as it came.
        var document = await registration.RegisterAsync(new DocumentInput(register.Id, register.InboxCaseFileId!.Value,
            string.IsNullOrWhiteSpace(item.Title) ? $"Saņemts no {item.Sender}" : item.Title.Trim(), item.Summary, Correspondent: item.Sender.Trim(), DocumentDate: item.DocumentDate), externalId, ct);
        foreach (var (name, contentType, content) in files) await attachments.AttachAsync(document.Id, name, contentType, content, ct);
        await audit.AppendAsync($"documents.received.{channel.ToString().ToLowerInvariant()}", document.RegistrationNumber, new { item.MessageId, item.Sender }, ct);
        return (document, true);
    }, ct);

    [GeneratedRegex(@"^(\d{6}-?\d{5}|\d{11})$")]
    private static partial Regex EAddressRegex();

    [GeneratedRegex(@"^\d{11}$")]
    private static partial Regex RegistrationNumberRegex();
}
