using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.Platform.OpenId;

[DbContext(typeof(OpenIdDbContext))]
[Migration("20261122070000_OpenIdServer")]
public sealed class CreateOpenIdServer : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("OpenId_Applications", t => new
        {
            ClientId = t.Column<string>(nullable: false),
            DisplayName = t.Column<string>(nullable: false),
            Type = t.Column<string>(nullable: false),
            ClientSecretHash = t.Column<string>(nullable: true),
            RedirectUrisJson = t.Column<string>(nullable: false),
            PostLogoutRedirectUrisJson = t.Column<string>(nullable: false),
            GrantTypesJson = t.Column<string>(nullable: false),
            ScopesJson = t.Column<string>(nullable: false),
            TenantRolesJson = t.Column<string>(nullable: false),
            WorkplaceUrl = t.Column<string>(nullable: true),
            PendingUrl = t.Column<string>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OpenId_Applications", x => x.ClientId));

        m.CreateTable("OpenId_SigningKeys", t => new
        {
            KeyId = t.Column<string>(nullable: false),
            ProtectedPrivateKey = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            SigningUntilUtc = t.Column<DateTime>(nullable: false),
            PublishedUntilUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OpenId_SigningKeys", x => x.KeyId));

        m.CreateTable("OpenId_Grants", t => new
        {
            Handle = t.Column<string>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            ClientId = t.Column<string>(nullable: false),
            Subject = t.Column<string>(nullable: true),
            Scopes = t.Column<string>(nullable: false),
            RedirectUri = t.Column<string>(nullable: true),
            Nonce = t.Column<string>(nullable: true),
            CodeChallenge = t.Column<string>(nullable: true),
            CodeChallengeMethod = t.Column<string>(nullable: true),
            FamilyId = t.Column<string>(nullable: true),
            AuthTimeUtc = t.Column<DateTime>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            ExpiresUtc = t.Column<DateTime>(nullable: false),
            ConsumedUtc = t.Column<DateTime>(nullable: true),
            RevokedUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_OpenId_Grants", x => x.Handle));
        m.CreateIndex("IX_OpenId_Grants_FamilyId", "OpenId_Grants", "FamilyId");

        m.CreateTable("OpenId_Memberships", t => new
        {
            UserId = t.Column<string>(nullable: false),
            Tenant = t.Column<string>(nullable: false),
            RolesJson = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OpenId_Memberships", x => new { x.UserId, x.Tenant }));
    }
}
