using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

/// <summary>
/// The indexes the model has always had on two foreign keys (a person's memberships, an agenda item's vote events) but
/// no migration created; found by the data-model check (tests/…/DataModelTests.cs).
/// </summary>
[DbContext(typeof(CouncilDbContext))]
[Migration("20261207180000_ForeignKeyIndexes")]
public sealed class ForeignKeyIndexes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_Council_Memberships_PersonId", "Council_Memberships", "PersonId");
        m.CreateIndex("IX_Council_VoteEvents_AgendaItemId", "Council_VoteEvents", "AgendaItemId");
    }
}
