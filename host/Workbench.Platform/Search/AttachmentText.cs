using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Search;

namespace Workbench.Platform.Search;

/// <summary>
/// Text of attachments for the index: DOCX through DocumentFormat.OpenXml, PDF through poppler's <c>pdftotext</c>,
/// legacy DOC through <c>antiword</c>. A file that cannot be read is logged and skipped; its item is still indexed.
/// </summary>
public sealed class AttachmentText(ILogger<AttachmentText> logger)
{
    public async Task<string> ExtractAsync(SearchAttachment attachment, CancellationToken ct)
    {
        try
        {
            return Path.GetExtension(attachment.FileName).ToLowerInvariant() switch
            {
                ".docx" => Docx(attachment.Content),
                ".pdf" => await RunAsync("pdftotext", ["-q", "-enc", "UTF-8", "-", "-"], attachment.Content, ct),
                ".doc" => await RunAsync("antiword", ["-"], attachment.Content, ct),
                ".txt" => Encoding.UTF8.GetString(attachment.Content),
                _ => Skip(attachment, "unsupported type"),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Skip(attachment, ex.Message);
        }
    }

    private string Skip(SearchAttachment attachment, string reason)
    {
        logger.LogWarning("Attachment {FileName} not indexed: {Reason}", attachment.FileName, reason);
        return "";
    }

    private static string Docx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document.Body;
        return body is null ? "" : string.Join('\n', body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static async Task<string> RunAsync(string tool, string[] arguments, byte[] input, CancellationToken ct)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardInput.BaseStream.WriteAsync(input, ct);
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {(await error).Trim()}");
        return await output;
    }
}
