using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

[DbContext(typeof(CouncilDbContext))]
[Migration("20261202100000_CreateCouncil")]
public sealed class CreateCouncil : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Council_Bodies", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(nullable: false),
            ShortName = t.Column<string>(nullable: true),
            Kind = t.Column<string>(nullable: false),
            Rule = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Council_Bodies", x => x.Id));
        m.CreateTable("Council_People", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Email = t.Column<string>(nullable: true),
            Affiliation = t.Column<string>(nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Council_People", x => x.Id));
        m.CreateTable("Council_Memberships", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BodyId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            Role = t.Column<string>(nullable: false),
            VotingRight = t.Column<bool>(nullable: false),
            Start = t.Column<DateOnly>(nullable: false),
            End = t.Column<DateOnly>(nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_Memberships", x => x.Id);
            t.ForeignKey("FK_Council_Memberships_Bodies", x => x.BodyId, "Council_Bodies", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Council_Memberships_People", x => x.PersonId, "Council_People", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Council_Memberships_BodyId_PersonId", "Council_Memberships", ["BodyId", "PersonId"]);
        m.CreateTable("Council_Meetings", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            BodyId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Year = t.Column<int>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Mode = t.Column<string>(nullable: false),
            StartsAt = t.Column<DateTime>(nullable: false),
            Place = t.Column<string>(nullable: true),
            RemoteLink = t.Column<string>(nullable: true),
            ChairId = t.Column<Guid>(nullable: true),
            MinuteTakerId = t.Column<Guid>(nullable: true),
            IsPublic = t.Column<bool>(nullable: false),
            State = t.Column<string>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_Meetings", x => x.Id);
            t.ForeignKey("FK_Council_Meetings_Bodies", x => x.BodyId, "Council_Bodies", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Council_Meetings_BodyId_Year_Number", "Council_Meetings", ["BodyId", "Year", "Number"], unique: true);
        m.CreateTable("Council_AgendaItems", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Title = t.Column<string>(nullable: false),
            RapporteurId = t.Column<Guid>(nullable: true),
            DraftDecision = t.Column<string>(nullable: true),
            IsPublic = t.Column<bool>(nullable: false),
            IsAdditional = t.Column<bool>(nullable: false),
            ForwardedFromId = t.Column<Guid>(nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Council_AgendaItems", x => x.Id);
            t.ForeignKey("FK_Council_AgendaItems_Meetings", x => x.MeetingId, "Council_Meetings", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Council_AgendaItems_MeetingId_Number", "Council_AgendaItems", ["MeetingId", "Number"]);
    }
}
