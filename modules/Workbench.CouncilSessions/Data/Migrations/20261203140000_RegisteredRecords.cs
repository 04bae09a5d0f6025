using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

[DbContext(typeof(CouncilDbContext))]
[Migration("20261203140000_RegisteredRecords")]
public sealed class RegisteredRecords : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<Guid>("MinutesDocumentId", "Council_Meetings", nullable: true);
        m.AddColumn<string>("MinutesRegistrationNumber", "Council_Meetings", nullable: true);
        m.AddColumn<Guid>("DecisionDocumentId", "Council_AgendaItems", nullable: true);
        m.AddColumn<string>("DecisionRegistrationNumber", "Council_AgendaItems", nullable: true);
    }
}
