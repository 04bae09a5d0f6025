using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.KnowledgeBase.Data.Migrations;

/// <summary>Attached files move into the platform's file store (<c>Platform_Files</c>); attachments keep their address.</summary>
[DbContext(typeof(KnowledgeBaseDbContext))]
[Migration("20261207200000_MoveFilesToPlatformStore")]
public sealed class MoveFilesToPlatformStore : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.Sql("""
            INSERT INTO "Platform_Files" ("Sha256", "ContentType", "Size", "Content", "StoredUtc")
            SELECT k."Sha256", k."ContentType", k."Size", k."Content", CURRENT_TIMESTAMP FROM "Kb_Files" k
            WHERE NOT EXISTS (SELECT 1 FROM "Platform_Files" p WHERE p."Sha256" = k."Sha256")
            """);
        m.DropIndex("IX_Kb_Attachments_Sha256", "Kb_Attachments");
        if (m.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite cannot drop a foreign key: the table is made again without it.
            m.RenameTable("Kb_Attachments", newName: "Kb_Attachments_before");
            m.CreateTable("Kb_Attachments", t => new
            {
                ArticleId = t.Column<Guid>(nullable: false),
                Sha256 = t.Column<string>(nullable: false),
                FileName = t.Column<string>(nullable: false),
            }, constraints: t =>
            {
                t.PrimaryKey("PK_Kb_Attachments", x => new { x.ArticleId, x.Sha256 });
                t.ForeignKey("FK_Kb_Attachments_Kb_Articles", x => x.ArticleId, "Kb_Articles", "Id", onDelete: ReferentialAction.Cascade);
            });
            m.Sql("""INSERT INTO "Kb_Attachments" ("ArticleId", "Sha256", "FileName") SELECT "ArticleId", "Sha256", "FileName" FROM "Kb_Attachments_before" """);
            m.DropTable("Kb_Attachments_before");
        }
        else
        {
            m.DropForeignKey("FK_Kb_Attachments_Kb_Files", "Kb_Attachments");
        }
        m.DropTable("Kb_Files");
    }
}
