using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.Notices.Data.Migrations;

/// <summary>Version 1.1 of the module: notices get a category. Existing notices get an empty one.</summary>
[DbContext(typeof(NoticesDbContext))]
[Migration("20261122000200_AddCategory")]
public sealed class AddCategory : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("Category", "Notices_Notices", nullable: false, defaultValue: "");
}
