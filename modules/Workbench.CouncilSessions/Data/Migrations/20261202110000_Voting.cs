using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

[DbContext(typeof(CouncilDbContext))]
[Migration("20261202110000_Voting")]
public sealed class Voting : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Council_Attendance", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Mode = t.Column<string>(nullable: false),
            JoinedUtc = t.Column<DateTime>(nullable: true),
            LeftUtc = t.Column<DateTime>(nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_Attendance", x => x.Id);
            t.ForeignKey("FK_Council_Attendance_Meetings", x => x.MeetingId, "Council_Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Council_Attendance_MeetingId_PersonId", "Council_Attendance", ["MeetingId", "PersonId"], unique: true);
        m.CreateTable("Council_VoteEvents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            AgendaItemId = t.Column<Guid>(nullable: false),
            Motion = t.Column<string>(nullable: false),
            State = t.Column<string>(nullable: false),
            OpenedUtc = t.Column<DateTime>(nullable: false),
            ClosedUtc = t.Column<DateTime>(nullable: true),
            VotingMembers = t.Column<int>(nullable: false),
            Present = t.Column<int>(nullable: false),
            For = t.Column<int>(nullable: false),
            Against = t.Column<int>(nullable: false),
            Abstain = t.Column<int>(nullable: false),
            Passed = t.Column<bool>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_VoteEvents", x => x.Id);
            t.ForeignKey("FK_Council_VoteEvents_AgendaItems", x => x.AgendaItemId, "Council_AgendaItems", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Council_VoteEvents_MeetingId", "Council_VoteEvents", "MeetingId");
        m.CreateTable("Council_Votes", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            VoteEventId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Choice = t.Column<string>(nullable: false),
            CastUtc = t.Column<DateTime>(nullable: false),
            Channel = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_Votes", x => x.Id);
            t.ForeignKey("FK_Council_Votes_VoteEvents", x => x.VoteEventId, "Council_VoteEvents", "Id", onDelete: ReferentialAction.Restrict);
        });
        // The database itself refuses a second vote by the same person on the same motion.
        m.CreateIndex("IX_Council_Votes_VoteEventId_PersonId", "Council_Votes", ["VoteEventId", "PersonId"], unique: true);
    }
}
