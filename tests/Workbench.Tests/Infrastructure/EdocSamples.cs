using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Workbench.Tests.Infrastructure;

/// <summary>ASiC-E (.edoc) containers built the way eParaksts lays them out, signed by a throwaway certificate.</summary>
public static class EdocSamples
{
    /// <param name="signed">The files the signature covers, with the digest it records (override to fake a changed file).</param>
    public static byte[] Build(IReadOnlyDictionary<string, byte[]> files, string signer = "Jānis Bērziņš", bool withSignature = true, IReadOnlyDictionary<string, byte[]>? signed = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var mimetype = zip.CreateEntry("mimetype", CompressionLevel.NoCompression);
            using (var stream = mimetype.Open()) stream.Write(Encoding.ASCII.GetBytes("application/vnd.etsi.asic-e+zip"));
            foreach (var (name, content) in files)
                using (var stream = zip.CreateEntry(name).Open()) stream.Write(content);
            var manifest = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">");
            foreach (var name in files.Keys) manifest.Append($"<manifest:file-entry manifest:full-path=\"{name}\" manifest:media-type=\"application/octet-stream\"/>");
            using (var stream = zip.CreateEntry("META-INF/manifest.xml").Open()) stream.Write(Encoding.UTF8.GetBytes(manifest.Append("</manifest:manifest>").ToString()));
            if (withSignature)
                using (var stream = zip.CreateEntry("META-INF/signatures0.xml").Open()) stream.Write(Encoding.UTF8.GetBytes(Signature(signed ?? files, signer)));
        }
        return output.ToArray();
    }

    private static string Signature(IReadOnlyDictionary<string, byte[]> files, string signer)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={signer}, C=LV", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var references = string.Concat(files.Select(f =>
            $"<ds:Reference URI=\"{Uri.EscapeDataString(f.Key)}\"><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>{Convert.ToBase64String(SHA256.HashData(f.Value))}</ds:DigestValue></ds:Reference>"));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><asic:XAdESSignatures xmlns:asic=\"http://uri.etsi.org/02918/v1.2.1#\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">" +
               "<ds:Signature Id=\"S0\"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/><ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>" +
               references + "<ds:Reference Type=\"http://uri.etsi.org/01903#SignedProperties\" URI=\"#S0-SignedProperties\"><ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>" +
               "</ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + Convert.ToBase64String(certificate.RawData) +
               "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></asic:XAdESSignatures>";
    }
}
