using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Platform.Data;

namespace Workbench.Platform.Security;

/// <summary>
/// The data-protection key ring (cookies, antiforgery, the secrets kept encrypted in the databases) lives in the host
/// database, so every node reads and writes the same keys and a cookie issued by one node works on the others. Keys are
/// encrypted at rest with a certificate: <c>Workbench:DataProtection:Certificate</c> (a PFX file, with
/// <c>CertificatePassword</c>; give every node the same one), else <c>dataprotection.pfx</c> in the data folder,
/// made once, readable only by its owner.
/// </summary>
public static class SharedKeyRing
{
    public static IServiceCollection AddWorkbenchDataProtection(this IServiceCollection services, DataProtectionOptions options, string dataRoot)
    {
        // The key repository opens the registry through DI, one context per operation.
        services.AddScoped(sp => sp.GetRequiredService<HostDatabase>().CreateContext());
        services.AddDataProtection().SetApplicationName("Workbench")
            .PersistKeysToDbContext<HostDbContext>()
            .ProtectKeysWithCertificate(Certificate(options, dataRoot));
        return services;
    }

    private static X509Certificate2 Certificate(DataProtectionOptions options, string dataRoot) =>
        options.Certificate is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(path, dataRoot), options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet)
            : X509CertificateLoader.LoadPkcs12(SecretFiles.ReadOrCreate(Path.Combine(dataRoot, "dataprotection.pfx"), SelfSigned), null, X509KeyStorageFlags.EphemeralKeySet);

    private static byte[] SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Workbench key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        return certificate.Export(X509ContentType.Pfx);
    }
}
