using Microsoft.EntityFrameworkCore;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Data;

public sealed class ServiceCardsDbContext(DbContextOptions<ServiceCardsDbContext> options) : DbContext(options)
{
    public DbSet<ServiceCard> Cards => Set<ServiceCard>();
    public DbSet<ServiceCardVersion> Versions => Set<ServiceCardVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceCard>(e =>
        {
            e.ToTable("ServiceCards_Cards");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.Identifier).IsUnique();
            e.Property(c => c.State).HasConversion<string>();
            e.Ignore(c => c.IsPublished);
        });
        modelBuilder.Entity<ServiceCardVersion>(e =>
        {
            e.ToTable("ServiceCards_Versions");
            e.HasKey(v => v.Id);
            e.HasIndex(v => new { v.CardId, v.Version }).IsUnique();
            e.Property(v => v.State).HasConversion<string>();
        });
    }
}
