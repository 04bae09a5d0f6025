using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

[DbContext(typeof(CouncilDbContext))]
[Migration("20261207010000_AgendaAttachments")]
public sealed class AgendaAttachments : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Council_AgendaAttachments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            AgendaItemId = t.Column<Guid>(nullable: false),
            FileName = t.Column<string>(nullable: false),
            ContentType = t.Column<string>(nullable: false),
            Size = t.Column<long>(nullable: false),
            Sha256 = t.Column<string>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            UploadedBy = t.Column<string>(nullable: false),
            UploadedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_AgendaAttachments", x => x.Id);
            t.ForeignKey("FK_Council_AgendaAttachments_AgendaItems", x => x.AgendaItemId, "Council_AgendaItems", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Council_AgendaAttachments_AgendaItemId", "Council_AgendaAttachments", "AgendaItemId");
    }
}
