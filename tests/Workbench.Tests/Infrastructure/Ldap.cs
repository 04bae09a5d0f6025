using System.DirectoryServices.Protocols;
using System.Net;

namespace Workbench.Tests.Infrastructure;

/// <summary>The throwaway OpenLDAP server (Debian's slapd) that <c>tests/run.sh</c> starts on 127.0.0.1 with tests/ldap/directory.ldif.</summary>
public static class Ldap
{
    public const string Variable = "WORKBENCH_TEST_LDAP";
    public const string AdminDn = "cn=admin,dc=riga,dc=lv";
    public const string AdminPassword = "admin-secret";

    private static string[] Parts => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value.Split(' ')
        : throw new InvalidOperationException($"{Variable} is not set: run the tests with tests/run.sh, which starts slapd on 127.0.0.1 and sets it.");

    /// <summary>ldap:// port (plain, and StartTLS).</summary>
    public static int Port => int.Parse(Parts[0]);
    /// <summary>ldaps:// port.</summary>
    public static int TlsPort => int.Parse(Parts[1]);
    /// <summary>The test CA, hashed for LdapSessionOptions.TrustedCertificatesDirectory.</summary>
    public static string CertificatesDirectory => Parts[2];

    /// <summary>Changes the directory as its administrator would (plain LDAP on loopback).</summary>
    public static void Modify(string dn, DirectoryAttributeOperation operation, string attribute, params string[] values)
    {
        using var connection = new LdapConnection(new LdapDirectoryIdentifier("127.0.0.1", Port)) { AuthType = AuthType.Basic };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.Bind(new NetworkCredential(AdminDn, AdminPassword));
        connection.SendRequest(new ModifyRequest(dn, operation, attribute, values));
    }
}
