namespace Workbench.Abstractions.Integration;

/// <summary>
/// E-mail goes through the outbox (<see cref="IOutbox"/>): queue an <see cref="EmailMessage"/> with adapter
/// <see cref="OutboxAdapter"/> in the transaction of the change it reports; the platform sends it through the
/// configured SMTP server (<c>Workbench:Smtp</c>) and retries while the server does not take it.
/// </summary>
public static class Email
{
    public const string OutboxAdapter = "email";
}

public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string Text, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <param name="ContentType">Including parameters, e.g. <c>text/calendar; method=REQUEST; charset=utf-8</c>.</param>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);
