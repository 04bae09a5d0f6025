using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Workbench.Abstractions.Http;

/// <summary>A file received from a person: a clean name, a content type decided by us, and its bytes.</summary>
public sealed record UploadedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Receiving and serving files the same way in every module: a broken form is a refusal with a reason (never a
/// server error), names lose their folders and control characters, and the content type comes from the file's
/// extension — never from the uploader — so that nothing uploaded is served as a page or a script.
/// </summary>
public static class Uploads
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>Types served as themselves; anything else (HTML, SVG, scripts, unknown) is served as a download.</summary>
    private static readonly HashSet<string> Inline =
    [
        "application/pdf", "text/plain", "text/csv", "image/png", "image/jpeg", "image/gif", "image/webp",
        "application/msword", "application/rtf", "application/xml", "application/zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.ms-excel", "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
    ];

    /// <summary>What a stored file is served as, from its name.</summary>
    public static string SafeContentType(string fileName)
    {
        if (fileName.EndsWith(".edoc", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".asice", StringComparison.OrdinalIgnoreCase))
            return "application/vnd.etsi.asic-e+zip";
        return Types.TryGetContentType(fileName, out var type) && Inline.Contains(type) ? type : "application/octet-stream";
    }

    /// <summary>The name without folders, control characters or a length past 200 characters.</summary>
    public static string CleanFileName(string? name)
    {
        var last = (name ?? "").Split('/', '\\').Last();
        var clean = new string(last.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim().Trim('.');
        if (clean.Length > 200) clean = clean[..(200 - Path.GetExtension(clean).Length)] + Path.GetExtension(clean)[..Math.Min(Path.GetExtension(clean).Length, 20)];
        return clean.Length == 0 ? "datne" : clean;
    }

    /// <summary>
    /// The one file of a <c>multipart/form-data</c> request (field <paramref name="field"/>, or the only file), at most
    /// <paramref name="maxBytes"/>; otherwise the reason, in words a person understands.
    /// </summary>
    public static async Task<(UploadedFile? File, string? Problem)> ReadSingleFileAsync(HttpRequest request, long maxBytes, CancellationToken ct, string field = "file")
    {
        const string shape = "Sūtiet multipart/form-data ar vienu failu laukā \"file\".";
        if (request.ContentLength > maxBytes + 64 * 1024) return (null, TooLarge(maxBytes));
        if (!request.HasFormContentType) return (null, shape);
        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, "Formas saturs ir bojāts vai nepilnīgs. " + shape);
        }
        var file = form.Files.GetFile(field) ?? (form.Files.Count == 1 ? form.Files[0] : null);
        return file is null ? (null, shape) : await ReadAsync(file, maxBytes, ct);
    }

    /// <summary>A file a page's form brought (model binding has read the form), checked and cleaned the same way.</summary>
    public static async Task<(UploadedFile? File, string? Problem)> ReadAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null) return (null, "Izvēlieties datni.");
        if (file.Length > maxBytes) return (null, TooLarge(maxBytes));
        if (file.Length == 0) return (null, "Fails ir tukšs.");
        using var content = new MemoryStream();
        try { await file.CopyToAsync(content, ct); }
        catch (Exception e) when (e is InvalidDataException or IOException) { return (null, "Fails nav saņemts līdz galam."); }
        var name = CleanFileName(file.FileName);
        return (new UploadedFile(name, SafeContentType(name), content.ToArray()), null);
    }

    private static string TooLarge(long maxBytes) => $"Fails ir lielāks par {maxBytes / 1024 / 1024} MB.";
}
