namespace Workbench.Platform.Security;

/// <summary>Secrets the host makes for itself on first start (audit key, key-ring certificate), kept in the data folder.</summary>
public static class SecretFiles
{
    /// <summary>
    /// The file's bytes, first creating it with <paramref name="create"/>: readable only by its owner, written beside and
    /// moved into place so that a second process starting at the same moment reads a whole file and keeps the first one.
    /// </summary>
    public static byte[] ReadOrCreate(string path, Func<byte[]> create)
    {
        if (!File.Exists(path))
        {
            var draft = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(draft, create());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(draft, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { File.Delete(draft); }
        }
        return File.ReadAllBytes(path);
    }
}
