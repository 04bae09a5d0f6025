using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

[DbContext(typeof(CouncilDbContext))]
[Migration("20261207020000_MeetingTemplates")]
public sealed class MeetingTemplates : Migration
{
    protected override void Up(MigrationBuilder m) => m.AddColumn<string>("Template", "Council_Bodies", nullable: true);
}
