using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.CouncilSessions.Data.Migrations;

/// <summary>Agenda attachments' bytes move into the platform's file store (<c>Platform_Files</c>); the attachment keeps the address.</summary>
[DbContext(typeof(CouncilDbContext))]
[Migration("20261207200000_MoveFilesToPlatformStore")]
public sealed class MoveFilesToPlatformStore : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        // The same bytes may be attached to several items: one row per address ("WHERE true" lets SQLite parse ON CONFLICT after a SELECT).
        m.Sql("""
            INSERT INTO "Platform_Files" ("Sha256", "ContentType", "Size", "Content", "StoredUtc")
            SELECT a."Sha256", a."ContentType", a."Size", a."Content", CURRENT_TIMESTAMP FROM "Council_AgendaAttachments" a WHERE true
            ON CONFLICT ("Sha256") DO NOTHING
            """);
        if (m.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            m.Sql("""ALTER TABLE "Council_AgendaAttachments" DROP COLUMN "Content" """);  // native since SQLite 3.35; EF would want the target model
        else
            m.DropColumn("Content", "Council_AgendaAttachments");
    }
}
