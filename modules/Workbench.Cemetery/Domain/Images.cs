namespace Workbench.Cemetery.Domain;

/// <summary>Plans and photos must be images: the type is read from the bytes (PNG, JPEG, GIF, WebP), never from the name.</summary>
public static class Images
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static string? TypeOf(byte[] content) => content switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => null,
    };

    public static string Require(byte[] content) =>
        TypeOf(content) ?? throw new ArgumentException("Fails nav attēls: der PNG, JPEG, GIF vai WebP.");
}
