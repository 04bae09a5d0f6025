using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workbench.Platform.Data;

namespace Workbench.Platform.Search;

[DbContext(typeof(SearchDbContext))]
[Migration("20261122010000_SearchIndex")]
public sealed class SearchIndex : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Search_Items", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            Feature = t.Column<string>(nullable: false),
            Type = t.Column<string>(nullable: false),
            ItemId = t.Column<string>(nullable: false),
            Title = t.Column<string>(nullable: false),
            Text = t.Column<string>(nullable: false),
            Url = t.Column<string>(nullable: false),
            IsPublic = t.Column<bool>(nullable: false),
            PublicFrom = t.Column<DateOnly>(nullable: true),
            PublicUntil = t.Column<DateOnly>(nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
            TitleExact = t.Column<string>(nullable: false),
            TextExact = t.Column<string>(nullable: false),
            TitleFold = t.Column<string>(nullable: false),
            TextFold = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Search_Items", x => x.Id));
        m.CreateIndex("IX_Search_Items_Feature_Type_ItemId", "Search_Items", ["Feature", "Type", "ItemId"], unique: true);

        m.CreateTable("Search_Access", t => new
        {
            ItemId = t.Column<long>(nullable: false),
            Token = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Search_Access", x => new { x.ItemId, x.Token });
            t.ForeignKey("FK_Search_Access_Search_Items_ItemId", x => x.ItemId, "Search_Items", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Search_Access_Token", "Search_Access", "Token");

        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Weights: A exact title, B exact text, C folded title, D folded text; exact spelling ranks first.
            m.Sql("""
                ALTER TABLE "Search_Items" ADD COLUMN "Fts" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', "TitleExact"), 'A') || setweight(to_tsvector('simple', "TextExact"), 'B') ||
                    setweight(to_tsvector('simple', "TitleFold"), 'C') || setweight(to_tsvector('simple', "TextFold"), 'D')) STORED;
                CREATE INDEX "IX_Search_Items_Fts" ON "Search_Items" USING GIN ("Fts");
                """);
            return;
        }
        // External-content FTS5 over the analysed columns, kept in step by triggers in the same transaction.
        m.Sql("""
            CREATE VIRTUAL TABLE "Search_Fts" USING fts5("TitleExact", "TextExact", "TitleFold", "TextFold",
                content='Search_Items', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
            """);
        m.Sql("""
            CREATE TRIGGER "Search_Items_Inserted" AFTER INSERT ON "Search_Items" BEGIN
                INSERT INTO "Search_Fts"(rowid, "TitleExact", "TextExact", "TitleFold", "TextFold")
                VALUES (new."Id", new."TitleExact", new."TextExact", new."TitleFold", new."TextFold");
            END;
            """);
        m.Sql("""
            CREATE TRIGGER "Search_Items_Deleted" AFTER DELETE ON "Search_Items" BEGIN
                INSERT INTO "Search_Fts"("Search_Fts", rowid, "TitleExact", "TextExact", "TitleFold", "TextFold")
                VALUES ('delete', old."Id", old."TitleExact", old."TextExact", old."TitleFold", old."TextFold");
            END;
            """);
    }
}

/// <summary>
/// Moves the text out of <c>Search_Items</c> into <c>Search_Content</c>. Every match is checked against the item row
/// (feature, visibility); with the text beside it those rows were kilobytes each and the check read far more pages
/// than the full-text query itself (bench/search.sh). The full-text index now reads from the content table.
/// </summary>
[DbContext(typeof(SearchDbContext))]
[Migration("20261122060000_SearchContent")]
public sealed class SearchContent : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        if (m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            m.Sql("""
                CREATE TABLE "Search_Content" (
                    "Id" bigint NOT NULL PRIMARY KEY REFERENCES "Search_Items" ("Id") ON DELETE CASCADE,
                    "Text" text NOT NULL, "TitleExact" text NOT NULL, "TextExact" text NOT NULL, "TitleFold" text NOT NULL, "TextFold" text NOT NULL,
                    "Fts" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple', "TitleExact"), 'A') || setweight(to_tsvector('simple', "TextExact"), 'B') ||
                        setweight(to_tsvector('simple', "TitleFold"), 'C') || setweight(to_tsvector('simple', "TextFold"), 'D')) STORED);
                INSERT INTO "Search_Content" ("Id", "Text", "TitleExact", "TextExact", "TitleFold", "TextFold")
                    SELECT "Id", "Text", "TitleExact", "TextExact", "TitleFold", "TextFold" FROM "Search_Items";
                CREATE INDEX "IX_Search_Content_Fts" ON "Search_Content" USING GIN ("Fts");
                ALTER TABLE "Search_Items" DROP COLUMN "Fts", DROP COLUMN "Text", DROP COLUMN "TitleExact", DROP COLUMN "TextExact",
                    DROP COLUMN "TitleFold", DROP COLUMN "TextFold";
                """);
            return;
        }
        m.Sql("""
            DROP TRIGGER "Search_Items_Inserted";
            DROP TRIGGER "Search_Items_Deleted";
            DROP TABLE "Search_Fts";
            CREATE TABLE "Search_Content" (
                "Id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Search_Items" ("Id") ON DELETE CASCADE,
                "Text" TEXT NOT NULL, "TitleExact" TEXT NOT NULL, "TextExact" TEXT NOT NULL, "TitleFold" TEXT NOT NULL, "TextFold" TEXT NOT NULL);
            INSERT INTO "Search_Content" SELECT "Id", "Text", "TitleExact", "TextExact", "TitleFold", "TextFold" FROM "Search_Items";
            ALTER TABLE "Search_Items" DROP COLUMN "Text";
            ALTER TABLE "Search_Items" DROP COLUMN "TitleExact";
            ALTER TABLE "Search_Items" DROP COLUMN "TextExact";
            ALTER TABLE "Search_Items" DROP COLUMN "TitleFold";
            ALTER TABLE "Search_Items" DROP COLUMN "TextFold";
            CREATE VIRTUAL TABLE "Search_Fts" USING fts5("TitleExact", "TextExact", "TitleFold", "TextFold",
                content='Search_Content', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
            INSERT INTO "Search_Fts"("Search_Fts") VALUES ('rebuild');
            CREATE TRIGGER "Search_Content_Inserted" AFTER INSERT ON "Search_Content" BEGIN
                INSERT INTO "Search_Fts"(rowid, "TitleExact", "TextExact", "TitleFold", "TextFold")
                VALUES (new."Id", new."TitleExact", new."TextExact", new."TitleFold", new."TextFold");
            END;
            CREATE TRIGGER "Search_Content_Deleted" AFTER DELETE ON "Search_Content" BEGIN
                INSERT INTO "Search_Fts"("Search_Fts", rowid, "TitleExact", "TextExact", "TitleFold", "TextFold")
                VALUES ('delete', old."Id", old."TitleExact", old."TextExact", old."TitleFold", old."TextFold");
            END;
            """);
    }
}
