using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.Notices.Data.Migrations;

[DbContext(typeof(NoticesDbContext))]
[Migration("20261122000100_CreateNotices")]
public sealed class CreateNotices : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Notices_Notices", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(nullable: false),
            Body = t.Column<string>(nullable: false),
            PublishedOn = t.Column<DateOnly>(nullable: true),
            ExpiresOn = t.Column<DateOnly>(nullable: true),
            IsPublic = t.Column<bool>(nullable: false),
            CustomFieldsJson = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Notices_Notices", x => x.Id));
        m.CreateIndex("IX_Notices_Notices_PublishedOn", "Notices_Notices", "PublishedOn");
    }
}
