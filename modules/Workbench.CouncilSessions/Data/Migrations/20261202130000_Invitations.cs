using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

[DbContext(typeof(CouncilDbContext))]
[Migration("20261202130000_Invitations")]
public sealed class Invitations : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Council_Invitations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Email = t.Column<string>(nullable: false),
            TokenHash = t.Column<string>(nullable: false),
            Sequence = t.Column<int>(nullable: false),
            SentUtc = t.Column<DateTime>(nullable: false),
            AcknowledgedUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_Invitations", x => x.Id);
            t.ForeignKey("FK_Council_Invitations_Meetings", x => x.MeetingId, "Council_Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Council_Invitations_MeetingId", "Council_Invitations", "MeetingId");
        m.CreateIndex("IX_Council_Invitations_TokenHash", "Council_Invitations", "TokenHash", unique: true);
        m.CreateTable("Council_Guests", t => new
        {
            MeetingId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_Guests", x => new { x.MeetingId, x.PersonId });
            t.ForeignKey("FK_Council_Guests_Meetings", x => x.MeetingId, "Council_Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });
    }
}
