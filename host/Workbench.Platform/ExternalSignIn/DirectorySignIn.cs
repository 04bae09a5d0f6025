using System.DirectoryServices.Protocols;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Workbench.Abstractions.Audit;
using Workbench.Abstractions.Tenants;
using Workbench.Platform.Security;
using Workbench.Abstractions.Validation;

namespace Workbench.Platform.ExternalSignIn;

/// <summary>
/// A municipality's directory (Active Directory, OpenLDAP) as a source of staff sign-ins. The person's own password
/// is checked by binding as them; the user filter runs at every sign-in, so someone disabled or removed in the
/// directory is refused at their next attempt.
/// </summary>
public sealed record DirectorySettings
{
    public string Host { get; init; } = "";
    public int Port { get; init; } = 389;
    /// <summary><c>starttls</c> (default), <c>ldaps</c>, or <c>none</c> (only with <see cref="AllowPlainLdap"/>).</summary>
    public string Security { get; init; } = DirectorySecurity.StartTls;
    public bool AllowPlainLdap { get; init; }
    /// <summary>Folder of trusted CA certificates (OpenSSL hashed names) when the directory's CA is not the system's.</summary>
    public string? TrustedCertificatesDirectory { get; init; }
    /// <summary>Service account for finding people; empty for an anonymous search.</summary>
    public string? BindDn { get; init; }
    public string? BindPassword { get; init; }
    public string BaseDn { get; init; } = "";
    /// <summary>
    /// <c>{0}</c> is what the person typed, escaped. Exclude disabled accounts here, e.g. on Active Directory
    /// <c>(&amp;(objectClass=user)(sAMAccountName={0})(!(userAccountControl:1.2.840.113556.1.4.803:=2)))</c>.
    /// </summary>
    public string UserFilter { get; init; } = "(&(objectClass=inetOrgPerson)(|(uid={0})(mail={0}))(!(employeeType=disabled)))";
    public string? GroupBaseDn { get; init; }
    /// <summary><c>{0}</c> is the person's DN, escaped.</summary>
    public string GroupFilter { get; init; } = "(member={0})";
    public string EmailAttribute { get; init; } = "mail";
    public string DisplayNameAttribute { get; init; } = "cn";
    /// <summary>Group DN → roles in this municipality; the roles are set anew at every sign-in.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GroupRoles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Role for someone in none of the mapped groups; without it such a person is refused.</summary>
    public string? DefaultRole { get; init; }

    /// <summary>An LDAP filter with one placeholder and no other braces (it goes through string.Format).</summary>
    private static bool IsFilter(string? filter)
    {
        if (filter is null || !filter.StartsWith('(') || !filter.Contains("{0}", StringComparison.Ordinal)) return false;
        try { _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, filter, "x"); return true; }
        catch (FormatException) { return false; }
    }

    /// <summary>Adds what is wrong with these settings to <paramref name="errors"/>.</summary>
    public void Validate(ValidationErrors errors) => errors
        .When(string.IsNullOrWhiteSpace(Host), "directory.host", "Direktorija serveris ir obligāts.")
        .When(Port is < 1 or > 65535, "directory.port", "Portam jābūt 1–65535.")
        .When(Security is not (DirectorySecurity.StartTls or DirectorySecurity.Ldaps or DirectorySecurity.None), "directory.security",
            "Drošība: starttls, ldaps vai none.")
        .When(Security == DirectorySecurity.None && !AllowPlainLdap, "directory.security",
            "Nešifrēts LDAP tikai ar allowPlainLdap.")
        .When(string.IsNullOrWhiteSpace(BaseDn), "directory.baseDn", "Bāzes DN ir obligāts.")
        .When(!IsFilter(UserFilter), "directory.userFilter", "Lietotāju filtram jābūt LDAP filtram ar {0}.")
        .When(!IsFilter(GroupFilter), "directory.groupFilter", "Grupu filtram jābūt LDAP filtram ar {0}.")
        .When(GroupRoles is null, "directory.groupRoles", "Grupu lomām jābūt objektam ({} — nevienas).")
        .When(string.IsNullOrWhiteSpace(EmailAttribute) || string.IsNullOrWhiteSpace(DisplayNameAttribute), "directory.emailAttribute",
            "Atribūtu nosaukumi ir obligāti.");
}

public static class DirectorySecurity
{
    public const string StartTls = "starttls";
    public const string Ldaps = "ldaps";
    public const string None = "none";
}

public enum DirectoryStatus { Authenticated, WrongPassword, NotFound, Unavailable }

public sealed record DirectoryPerson(DirectoryStatus Status, string? Dn = null, string? Email = null, string? DisplayName = null, IReadOnlyList<string>? Groups = null);

/// <summary>LDAP v3 with System.DirectoryServices.Protocols: search (service account), bind as the person, read groups.</summary>
public sealed class DirectoryAuthenticator(ILogger<DirectoryAuthenticator> logger)
{
    public Task<DirectoryPerson> AuthenticateAsync(DirectorySettings directory, string login, string password, CancellationToken ct) =>
        // The library is synchronous; keep it off the request thread.
        Task.Run(() => Authenticate(directory, login, password), ct);

    private DirectoryPerson Authenticate(DirectorySettings directory, string login, string password)
    {
        // An empty password would be an anonymous ("unauthenticated") bind, which servers accept: never a sign-in.
        if (password.Length == 0) return new DirectoryPerson(DirectoryStatus.WrongPassword);
        try
        {
            using var service = Connect(directory);
            service.Bind(string.IsNullOrEmpty(directory.BindDn) ? new NetworkCredential() : new NetworkCredential(directory.BindDn, directory.BindPassword));
            var filter = string.Format(System.Globalization.CultureInfo.InvariantCulture, directory.UserFilter, Escape(login));
            var found = (SearchResponse)service.SendRequest(new SearchRequest(directory.BaseDn, filter, SearchScope.Subtree, directory.EmailAttribute, directory.DisplayNameAttribute));
            if (found.Entries.Count != 1)
            {
                if (found.Entries.Count > 1) logger.LogWarning("Directory filter matched {Count} entries for one login; refusing", found.Entries.Count);
                return new DirectoryPerson(DirectoryStatus.NotFound);
            }
            var entry = found.Entries[0];
            using (var own = Connect(directory))
            {
                try { own.Bind(new NetworkCredential(entry.DistinguishedName, password)); }
                catch (LdapException ex) when (ex.ErrorCode == InvalidCredentials) { return new DirectoryPerson(DirectoryStatus.WrongPassword, entry.DistinguishedName); }
            }
            var groupFilter = string.Format(System.Globalization.CultureInfo.InvariantCulture, directory.GroupFilter, Escape(entry.DistinguishedName));
            var groups = (SearchResponse)service.SendRequest(new SearchRequest(directory.GroupBaseDn ?? directory.BaseDn, groupFilter, SearchScope.Subtree, "cn"));
            return new DirectoryPerson(DirectoryStatus.Authenticated, entry.DistinguishedName, First(entry, directory.EmailAttribute), First(entry, directory.DisplayNameAttribute),
                groups.Entries.Cast<SearchResultEntry>().Select(g => g.DistinguishedName).ToList());
        }
        catch (Exception ex) when (ex is LdapException or DirectoryOperationException or PlatformNotSupportedException)
        {
            logger.LogWarning(ex, "Directory {Host}:{Port} unavailable or refused the service account", directory.Host, directory.Port);
            return new DirectoryPerson(DirectoryStatus.Unavailable);
        }
    }

    private const int InvalidCredentials = 49;

    private static LdapConnection Connect(DirectorySettings directory)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(directory.Host, directory.Port)) { AuthType = AuthType.Basic, Timeout = TimeSpan.FromSeconds(10) };
        var options = connection.SessionOptions;
        options.ProtocolVersion = 3;
        options.ReferralChasing = ReferralChasingOptions.None;
        if (directory.TrustedCertificatesDirectory is { Length: > 0 } trusted && !OperatingSystem.IsWindows())
        {
            options.TrustedCertificatesDirectory = trusted;
            options.StartNewTlsSessionContext();
        }
        if (directory.Security == DirectorySecurity.Ldaps) options.SecureSocketLayer = true;
        else if (directory.Security == DirectorySecurity.StartTls)
        {
            // On Linux the connection opens at the first operation and StartTLS needs it open: an anonymous bind
            // (no credentials on the wire) opens it; the real bind follows over TLS.
            connection.Bind(new NetworkCredential());
            options.StartTransportLayerSecurity(null);
        }
        return connection;
    }

    private static string? First(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute) && entry.Attributes[attribute].Count > 0 ? entry.Attributes[attribute][0] as string : null;

    /// <summary>RFC 4515 escaping of a value inside a filter.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
            escaped.Append(c switch { '\\' => @"\5c", '*' => @"\2a", '(' => @"\28", ')' => @"\29", '\0' => @"\00", _ => c.ToString() });
        return escaped.ToString();
    }
}

/// <summary>The password form against the municipality's directory; provisioning and roles as for other sources.</summary>
public sealed class DirectorySignIn(DirectoryAuthenticator directory, ExternalAccounts accounts, Microsoft.AspNetCore.Identity.UserManager<Data.WorkbenchUser> users, IAuditLog audit)
{
    public const string LoginProvider = "ldap";

    /// <summary>The outcome, or null when the directory does not know the person (the local accounts may).</summary>
    public async Task<SignInOutcome?> SignInAsync(DirectorySettings settings, string login, string password, string channel, bool localFallback, CancellationToken ct)
    {
        var person = await directory.AuthenticateAsync(settings, login, password, ct);
        channel += ":ldap";
        switch (person.Status)
        {
            case DirectoryStatus.NotFound:
            case DirectoryStatus.Unavailable when localFallback:
                return localFallback ? null : await accounts.RefuseAsync(login, channel, "not in directory", WrongCredentials, ct);
            case DirectoryStatus.Unavailable:
                return await accounts.RefuseAsync(login, channel, "directory unavailable", "Direktorijs pašlaik nav pieejams; mēģiniet vēlāk.", ct);
            case DirectoryStatus.WrongPassword:
                if (person.Dn is not null && await accounts.FindLinkedAsync(LoginProvider, person.Dn.ToLowerInvariant()) is { } linked)
                {
                    // A locked account answers the same whatever the password, so it cannot be used to test passwords.
                    if (await users.IsLockedOutAsync(linked)) return await accounts.RefuseAsync(login, channel, "locked out", ExternalAccounts.LockedOut, ct);
                    await users.AccessFailedAsync(linked);
                }
                await audit.AppendAsync("signin.failed", login, new { channel, reason = "wrong password" }, ct);
                return new SignInOutcome(false, WrongCredentials);
        }
        var roles = person.Groups!.SelectMany(g => settings.GroupRoles.FirstOrDefault(m => string.Equals(m.Key, g, StringComparison.OrdinalIgnoreCase)).Value ?? []).Distinct().ToList();
        if (roles.Count == 0 && settings.DefaultRole is { Length: > 0 } fallback) roles.Add(fallback);
        if (roles.Count == 0)
            return await accounts.RefuseAsync(login, channel, "no mapped group", "Jūsu direktorija grupām šajā darbavietā nav lomu; vērsieties pie administratora.", ct);
        // The directory is the municipality's own record of its staff: its e-mail addresses are trusted.
        return await accounts.SignInLinkedAsync(new AccountLink(LoginProvider, person.Dn!.ToLowerInvariant(), "LDAP", person.Email, EmailVerified: true, person.DisplayName, roles, "", PasswordChecked: true), channel, ct);
    }

    private const string WrongCredentials = "Nepareizs lietotājvārds vai parole.";
}
