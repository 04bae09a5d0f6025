using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.Platform.Data.Migrations;

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122000100_Identity")]
public sealed class Identity : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Platform_Roles", t => new
        {
            Id = t.Column<string>(nullable: false),
            Name = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedName = t.Column<string>(maxLength: 256, nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            Description = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Platform_Roles", x => x.Id));
        m.CreateIndex("RoleNameIndex", "Platform_Roles", "NormalizedName", unique: true);

        m.CreateTable("Platform_Users", t => new
        {
            Id = t.Column<string>(nullable: false),
            DisplayName = t.Column<string>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Platform_Users", x => x.Id));
        m.CreateIndex("EmailIndex", "Platform_Users", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "Platform_Users", "NormalizedUserName", unique: true);

        m.CreateTable("Platform_RoleClaims", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            RoleId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Platform_RoleClaims", x => x.Id);
            t.ForeignKey("FK_Platform_RoleClaims_Platform_Roles_RoleId", x => x.RoleId, "Platform_Roles", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Platform_RoleClaims_RoleId", "Platform_RoleClaims", "RoleId");

        m.CreateTable("Platform_UserClaims", t => new
        {
            Id = t.Column<int>(nullable: false).Identity(),
            UserId = t.Column<string>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Platform_UserClaims", x => x.Id);
            t.ForeignKey("FK_Platform_UserClaims_Platform_Users_UserId", x => x.UserId, "Platform_Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Platform_UserClaims_UserId", "Platform_UserClaims", "UserId");

        m.CreateTable("Platform_UserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Platform_UserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_Platform_UserLogins_Platform_Users_UserId", x => x.UserId, "Platform_Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Platform_UserLogins_UserId", "Platform_UserLogins", "UserId");

        m.CreateTable("Platform_UserRoles", t => new
        {
            UserId = t.Column<string>(nullable: false),
            RoleId = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Platform_UserRoles", x => new { x.UserId, x.RoleId });
            t.ForeignKey("FK_Platform_UserRoles_Platform_Roles_RoleId", x => x.RoleId, "Platform_Roles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Platform_UserRoles_Platform_Users_UserId", x => x.UserId, "Platform_Users", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Platform_UserRoles_RoleId", "Platform_UserRoles", "RoleId");

        m.CreateTable("Platform_UserTokens", t => new
        {
            UserId = t.Column<string>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Platform_UserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_Platform_UserTokens_Platform_Users_UserId", x => x.UserId, "Platform_Users", "Id", onDelete: ReferentialAction.Cascade);
        });
    }
}

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122000200_PlatformTables")]
public sealed class PlatformTables : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Platform_Features", t => new
        {
            FeatureId = t.Column<string>(nullable: false),
            EnabledUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Platform_Features", x => x.FeatureId));

        m.CreateTable("Platform_Settings", t => new
        {
            Name = t.Column<string>(nullable: false),
            Json = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Platform_Settings", x => x.Name));

        m.CreateTable("Platform_AuditEntries", t => new
        {
            Sequence = t.Column<long>(nullable: false),
            TimestampUtc = t.Column<DateTime>(nullable: false),
            Tenant = t.Column<string>(nullable: false),
            Actor = t.Column<string>(nullable: false),
            Action = t.Column<string>(nullable: false),
            Subject = t.Column<string>(nullable: false),
            Details = t.Column<string>(nullable: true),
            SourceIp = t.Column<string>(nullable: true),
            PreviousHash = t.Column<string>(nullable: false),
            Hash = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Platform_AuditEntries", x => x.Sequence));

        m.CreateTable("Platform_RecipeRuns", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RecipeName = t.Column<string>(nullable: false),
            Actor = t.Column<string>(nullable: false),
            StartedUtc = t.Column<DateTime>(nullable: false),
            FinishedUtc = t.Column<DateTime>(nullable: false),
            Succeeded = t.Column<bool>(nullable: false),
            StepCount = t.Column<int>(nullable: false),
            Error = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Platform_RecipeRuns", x => x.Id));
        m.CreateIndex("IX_Platform_RecipeRuns_StartedUtc", "Platform_RecipeRuns", "StartedUtc");

        m.CreateTable("Platform_CustomFields", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RecordType = t.Column<string>(nullable: false),
            Key = t.Column<string>(nullable: false),
            Label = t.Column<string>(nullable: false),
            Type = t.Column<string>(nullable: false),
            Required = t.Column<bool>(nullable: false),
            ChoicesJson = t.Column<string>(nullable: false),
            Order = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Platform_CustomFields", x => x.Id));
        m.CreateIndex("IX_Platform_CustomFields_RecordType_Key", "Platform_CustomFields", ["RecordType", "Key"], unique: true);
    }
}

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122030000_Outbox")]
public sealed class Outbox : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Platform_Outbox", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Adapter = t.Column<string>(nullable: false),
            IdempotencyKey = t.Column<string>(nullable: false),
            PayloadJson = t.Column<string>(nullable: false),
            Status = t.Column<string>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptUtc = t.Column<DateTime>(nullable: false),
            LastError = t.Column<string>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            DeliveredUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Platform_Outbox", x => x.Id));
        m.CreateIndex("IX_Platform_Outbox_Adapter_IdempotencyKey", "Platform_Outbox", ["Adapter", "IdempotencyKey"], unique: true);
        m.CreateIndex("IX_Platform_Outbox_Status_NextAttemptUtc", "Platform_Outbox", ["Status", "NextAttemptUtc"]);
    }
}

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122050000_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Platform_Notifications", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Recipient = t.Column<string>(nullable: false),
            Key = t.Column<string>(nullable: false),
            Text = t.Column<string>(nullable: false),
            Url = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            ReadUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Platform_Notifications", x => x.Id));
        // One notification per person and occasion, however often the reminder job runs.
        m.CreateIndex("IX_Platform_Notifications_Recipient_Key", "Platform_Notifications", ["Recipient", "Key"], unique: true);
    }
}

[DbContext(typeof(PlatformDbContext))]
[Migration("20261207200000_Files")]
public sealed class Files : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Platform_Files", t => new
        {
            Sha256 = t.Column<string>(nullable: false),
            ContentType = t.Column<string>(nullable: false),
            Size = t.Column<long>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            StoredUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Platform_Files", x => x.Sha256));
    }
}

[DbContext(typeof(PlatformDbContext))]
[Migration("20261208000000_AuditBatchChaining")]
public sealed class AuditBatchChaining : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<long>("ChainIndex", "Platform_AuditEntries", nullable: true);
        m.AddColumn<string>("ContentMac", "Platform_AuditEntries", nullable: true);
        // Entries written so far were chained as they were appended: their place in the chain is their number.
        m.Sql("UPDATE \"Platform_AuditEntries\" SET \"ChainIndex\" = \"Sequence\"");
        m.CreateIndex("IX_Platform_AuditEntries_ChainIndex", "Platform_AuditEntries", "ChainIndex", unique: true);
        m.CreateIndex("IX_Platform_AuditEntries_ContentMac", "Platform_AuditEntries", "ContentMac", unique: true);
        // The database numbers new entries. On SQLite an INTEGER PRIMARY KEY already is the row id, numbered when left out.
        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            m.Sql("ALTER TABLE \"Platform_AuditEntries\" ALTER COLUMN \"Sequence\" ADD GENERATED BY DEFAULT AS IDENTITY");
            m.Sql("SELECT setval(pg_get_serial_sequence('\"Platform_AuditEntries\"', 'Sequence'), COALESCE(MAX(\"Sequence\"), 0) + 1, false) FROM \"Platform_AuditEntries\"");
        }
    }
}
