using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.ServiceCards.Data.Migrations;

[DbContext(typeof(ServiceCardsDbContext))]
[Migration("20261122030000_ServiceCases")]
public sealed class ServiceCases : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ServiceCards_Cases", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            ClientReference = t.Column<string>(nullable: false),
            PlannedCompletion = t.Column<DateOnly>(nullable: false),
            Status = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CompletedUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ServiceCards_Cases", x => x.Id);
            t.ForeignKey("FK_ServiceCards_Cases_Cards", x => x.CardId, "ServiceCards_Cards", "Id");
        });
        m.CreateIndex("IX_ServiceCards_Cases_CardId_CreatedUtc", "ServiceCards_Cases", ["CardId", "CreatedUtc"]);

        m.CreateTable("ServiceCards_CaseEvents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CaseId = t.Column<Guid>(nullable: false),
            Sequence = t.Column<int>(nullable: false),
            Status = t.Column<string>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            Actor = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ServiceCards_CaseEvents", x => x.Id);
            t.ForeignKey("FK_ServiceCards_CaseEvents_Cases", x => x.CaseId, "ServiceCards_Cases", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ServiceCards_CaseEvents_CaseId_Sequence", "ServiceCards_CaseEvents", ["CaseId", "Sequence"], unique: true);
    }
}
