using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.KnowledgeBase.Data.Migrations;

[DbContext(typeof(KnowledgeBaseDbContext))]
[Migration("20261122040000_CreateKnowledgeBase")]
public sealed class CreateKnowledgeBase : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Kb_Articles", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(nullable: false),
            Type = t.Column<string>(nullable: false),
            Body = t.Column<string>(nullable: false),
            CategoriesJson = t.Column<string>(nullable: false),
            TagsJson = t.Column<string>(nullable: false),
            ServiceCardIdsJson = t.Column<string>(nullable: false),
            RelatedArticleIdsJson = t.Column<string>(nullable: false),
            IsPublic = t.Column<bool>(nullable: false),
            Owner = t.Column<string>(nullable: false),
            ReviewIntervalDays = t.Column<int>(nullable: false),
            NextReviewDate = t.Column<DateOnly>(nullable: false),
            Version = t.Column<int>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Kb_Articles", x => x.Id));
        m.CreateIndex("IX_Kb_Articles_UpdatedUtc", "Kb_Articles", "UpdatedUtc");
        m.CreateIndex("IX_Kb_Articles_NextReviewDate", "Kb_Articles", "NextReviewDate");

        m.CreateTable("Kb_ArticleVersions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ArticleId = t.Column<Guid>(nullable: false),
            Version = t.Column<int>(nullable: false),
            Title = t.Column<string>(nullable: false),
            Body = t.Column<string>(nullable: false),
            Actor = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Kb_ArticleVersions", x => x.Id);
            t.ForeignKey("FK_Kb_ArticleVersions_Kb_Articles", x => x.ArticleId, "Kb_Articles", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_Kb_ArticleVersions_ArticleId_Version", "Kb_ArticleVersions", ["ArticleId", "Version"], unique: true);

        m.CreateTable("Kb_Files", t => new
        {
            Sha256 = t.Column<string>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            ContentType = t.Column<string>(nullable: false),
            Size = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Kb_Files", x => x.Sha256));

        m.CreateTable("Kb_Attachments", t => new
        {
            ArticleId = t.Column<Guid>(nullable: false),
            Sha256 = t.Column<string>(nullable: false),
            FileName = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Kb_Attachments", x => new { x.ArticleId, x.Sha256 });
            t.ForeignKey("FK_Kb_Attachments_Kb_Articles", x => x.ArticleId, "Kb_Articles", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Kb_Attachments_Kb_Files", x => x.Sha256, "Kb_Files", "Sha256");
        });
    }
}
