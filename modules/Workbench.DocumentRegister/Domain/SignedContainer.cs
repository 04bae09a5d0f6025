using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Workbench.DocumentRegister.Domain;

/// <summary>
/// A structural check of an .edoc / .asice (ASiC-E, ETSI EN 319 162) container: a ZIP whose first entry is the
/// <c>mimetype</c>, with at least one XAdES signature file under META-INF whose references name every data file and
/// whose digests match them. It says who signed as the certificates say; it is not a legal validation (no
/// certificate chain, revocation or signature-value check).
/// </summary>
public static class SignedContainer
{
    public const string MimeType = "application/vnd.etsi.asic-e+zip";
    private static readonly XNamespace Ds = "http://www.w3.org/2000/09/xmldsig#";

    public sealed record Result(string? Error, IReadOnlyList<string> Signers, IReadOnlyList<string> DataFiles);

    public static bool LooksLikeOne(string fileName, string? contentType) =>
        fileName.EndsWith(".edoc", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".asice", StringComparison.OrdinalIgnoreCase) || contentType == MimeType;

    public static Result Check(byte[] content)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read); }
        catch (InvalidDataException) { return Refused("Datne nav .edoc konteiners: tā nav ZIP arhīvs."); }
        using (zip)
        {
            if (zip.Entries.Count == 0 || zip.Entries[0].FullName != "mimetype")
                return Refused("Konteinerā pirmā nav datne \"mimetype\".");
            using (var reader = new StreamReader(zip.Entries[0].Open(), Encoding.ASCII))
                if (reader.ReadToEnd().Trim() != MimeType) return Refused($"Konteinera mimetype nav {MimeType}.");
            var signatureFiles = zip.Entries.Where(e => e.FullName.StartsWith("META-INF/", StringComparison.Ordinal) && e.Name.Contains("signature", StringComparison.OrdinalIgnoreCase) && e.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList();
            if (signatureFiles.Count == 0) return Refused("Konteinerā nav paraksta (META-INF/…signatures….xml) — dokuments nav parakstīts.");
            var dataFiles = zip.Entries.Where(e => e.FullName != "mimetype" && !e.FullName.StartsWith("META-INF/", StringComparison.Ordinal) && !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, StringComparer.Ordinal);
            if (dataFiles.Count == 0) return Refused("Konteinerā nav parakstīto datņu.");
            var signers = new List<string>();
            foreach (var file in signatureFiles)
            {
                XDocument xml;
                try
                {
                    using var stream = file.Open();
                    xml = XDocument.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
                }
                catch (XmlException ex) { return Refused($"Paraksta datne {file.FullName} nav korekts XML: {ex.Message}."); }
                var signatures = xml.Descendants(Ds + "Signature").ToList();
                if (signatures.Count == 0) return Refused($"Datnē {file.FullName} nav XML paraksta.");
                foreach (var signature in signatures)
                {
                    var referenced = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var reference in signature.Element(Ds + "SignedInfo")?.Elements(Ds + "Reference") ?? [])
                    {
                        var uri = (string?)reference.Attribute("URI");
                        if (string.IsNullOrEmpty(uri) || uri.StartsWith('#')) continue; // the signed properties, inside the signature itself
                        var name = Uri.UnescapeDataString(uri);
                        if (!dataFiles.TryGetValue(name, out var entry)) return Refused($"Paraksts atsaucas uz datni \"{name}\", kuras konteinerā nav.");
                        var algorithm = (string?)reference.Element(Ds + "DigestMethod")?.Attribute("Algorithm");
                        var expected = (string?)reference.Element(Ds + "DigestValue");
                        if (Digest(algorithm, entry) is not { } actual) return Refused($"Neatbalstīts jaucējalgoritms {algorithm}.");
                        if (expected is null || actual != expected.Trim()) return Refused($"Datne \"{name}\" pēc parakstīšanas ir mainīta: jaucējvērtība nesakrīt.");
                        referenced.Add(name);
                    }
                    var unsigned = dataFiles.Keys.Where(k => !referenced.Contains(k)).ToList();
                    if (unsigned.Count > 0) return Refused($"Datnes {string.Join(", ", unsigned)} nav parakstītas.");
                    signers.Add(Signer(signature));
                }
            }
            return new Result(null, signers, dataFiles.Keys.ToList());
        }
    }

    private static Result Refused(string error) => new(error, [], []);

    private static string? Digest(string? algorithm, ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        byte[]? hash = algorithm switch
        {
            "http://www.w3.org/2001/04/xmlenc#sha256" => SHA256.HashData(stream),
            "http://www.w3.org/2001/04/xmldsig-more#sha384" => SHA384.HashData(stream),
            "http://www.w3.org/2001/04/xmlenc#sha512" => SHA512.HashData(stream),
            _ => null,
        };
        return hash is null ? null : Convert.ToBase64String(hash);
    }

    /// <summary>The signer's name from the signing certificate, or "nezināms" when the signature carries none.</summary>
    private static string Signer(XElement signature)
    {
        var certificate = (string?)signature.Descendants(Ds + "X509Certificate").FirstOrDefault();
        if (certificate is null) return "nezināms";
        try
        {
            using var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate.Trim()));
            return cert.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException) { return "nezināms"; }
    }
}
