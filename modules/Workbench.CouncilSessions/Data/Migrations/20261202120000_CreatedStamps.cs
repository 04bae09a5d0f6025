using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

/// <summary>OParl 1.1 filters every list by creation time too: people, seats, meetings and items get a creation stamp.</summary>
[DbContext(typeof(CouncilDbContext))]
[Migration("20261202120000_CreatedStamps")]
public sealed class CreatedStamps : Migration
{
    private static readonly string[] Tables = ["Council_People", "Council_Memberships", "Council_Meetings", "Council_AgendaItems"];

    protected override void Up(MigrationBuilder m)
    {
        foreach (var table in Tables)
        {
            m.AddColumn<DateTime>("CreatedUtc", table, nullable: false, defaultValue: DateTime.UnixEpoch);
            // Rows from before this version: their last change is the best known creation time.
            m.Sql($"UPDATE \"{table}\" SET \"CreatedUtc\" = \"UpdatedUtc\"");
        }
    }
}
