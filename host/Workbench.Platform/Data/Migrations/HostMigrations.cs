using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.Platform.Data.Migrations;

[DbContext(typeof(HostDbContext))]
[Migration("20261122000100_TenantRegistry")]
public sealed class TenantRegistry : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Host_Tenants",
            columns: table => new
            {
                Name = table.Column<string>(nullable: false),
                State = table.Column<string>(nullable: false),
                DatabaseProvider = table.Column<string>(nullable: false),
                ConnectionString = table.Column<string>(nullable: false),
                Recipe = table.Column<string>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
                Error = table.Column<string>(nullable: true),
                AuditHeadSequence = table.Column<long>(nullable: false),
                AuditHeadHash = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Host_Tenants", t => t.Name));
    }
}

[DbContext(typeof(HostDbContext))]
[Migration("20261207000100_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Host_DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Identity(),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Host_DataProtectionKeys", t => t.Id));
    }
}
