using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.DocumentRegister.Data.Migrations;

/// <summary>Attached files move into the platform's file store (<c>Platform_Files</c>); attachments keep their hash as the address.</summary>
[DbContext(typeof(DocumentRegisterDbContext))]
[Migration("20261207200000_MoveFilesToPlatformStore")]
public sealed class MoveFilesToPlatformStore : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        // The register kept no content type with the bytes: the first attachment's stands for the file.
        m.Sql("""
            INSERT INTO "Platform_Files" ("Sha256", "ContentType", "Size", "Content", "StoredUtc")
            SELECT f."Hash",
                   COALESCE((SELECT MIN(a."ContentType") FROM "DocReg_Attachments" a WHERE a."Hash" = f."Hash"), 'application/octet-stream'),
                   f."Size", f."Content", CURRENT_TIMESTAMP
            FROM "DocReg_Files" f
            WHERE NOT EXISTS (SELECT 1 FROM "Platform_Files" p WHERE p."Sha256" = f."Hash")
            """);
        m.DropIndex("IX_DocReg_Attachments_Hash", "DocReg_Attachments");
        if (m.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite cannot drop a foreign key: the table is made again without it.
            m.DropIndex("IX_DocReg_Attachments_DocumentId", "DocReg_Attachments");
            m.RenameTable("DocReg_Attachments", newName: "DocReg_Attachments_before");
            m.CreateTable("DocReg_Attachments", t => new
            {
                Id = t.Column<Guid>(nullable: false),
                DocumentId = t.Column<Guid>(nullable: false),
                FileName = t.Column<string>(nullable: false),
                ContentType = t.Column<string>(nullable: false),
                Hash = t.Column<string>(nullable: false),
                Size = t.Column<long>(nullable: false),
                Kind = t.Column<string>(nullable: false),
                Signers = t.Column<string>(nullable: true),
                AddedBy = t.Column<string>(nullable: false),
                AddedUtc = t.Column<DateTime>(nullable: false),
            }, constraints: t => t.PrimaryKey("PK_DocReg_Attachments", x => x.Id));
            m.Sql("""
                INSERT INTO "DocReg_Attachments" ("Id", "DocumentId", "FileName", "ContentType", "Hash", "Size", "Kind", "Signers", "AddedBy", "AddedUtc")
                SELECT "Id", "DocumentId", "FileName", "ContentType", "Hash", "Size", "Kind", "Signers", "AddedBy", "AddedUtc" FROM "DocReg_Attachments_before"
                """);
            m.DropTable("DocReg_Attachments_before");
            m.CreateIndex("IX_DocReg_Attachments_DocumentId", "DocReg_Attachments", "DocumentId");
        }
        else
        {
            m.DropForeignKey("FK_DocReg_Attachments_Files", "DocReg_Attachments");
        }
        m.DropTable("DocReg_Files");
    }
}
