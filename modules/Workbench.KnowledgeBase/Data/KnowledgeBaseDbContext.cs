using Microsoft.EntityFrameworkCore;
using Workbench.KnowledgeBase.Domain;

namespace Workbench.KnowledgeBase.Data;

public sealed class KnowledgeBaseDbContext(DbContextOptions<KnowledgeBaseDbContext> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleVersion> Versions => Set<ArticleVersion>();
    public DbSet<ArticleAttachment> Attachments => Set<ArticleAttachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Article>(e =>
        {
            e.ToTable("Kb_Articles");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.UpdatedUtc);
            e.HasIndex(a => a.NextReviewDate);
            e.Property(a => a.Type).HasConversion<string>();
        });
        modelBuilder.Entity<ArticleVersion>(e =>
        {
            e.ToTable("Kb_ArticleVersions");
            e.HasKey(v => v.Id);
            e.HasIndex(v => new { v.ArticleId, v.Version }).IsUnique();
            e.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ArticleAttachment>(e =>
        {
            e.ToTable("Kb_Attachments");
            e.HasKey(a => new { a.ArticleId, a.Sha256 });
            e.HasOne<Article>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
