using Microsoft.EntityFrameworkCore;
using Workbench.Notices.Domain;

namespace Workbench.Notices.Data;

public sealed class NoticesDbContext(DbContextOptions<NoticesDbContext> options) : DbContext(options)
{
    public DbSet<Notice> Notices => Set<Notice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Notice>(e =>
        {
            e.ToTable("Notices_Notices");
            e.HasKey(n => n.Id);
            e.HasIndex(n => n.PublishedOn);
        });
}
