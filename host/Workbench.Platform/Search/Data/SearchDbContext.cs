using Microsoft.EntityFrameworkCore;

namespace Workbench.Platform.Search;

/// <summary>
/// The tenant's shared search index: a narrow row per item (what a hit shows and what trimming checks), its text
/// (original for snippets, analysed for matching) in a table of its own, and its access tokens. The full-text part (FTS5 table or tsvector column) is created by the migration with SQL.
/// </summary>
public sealed class SearchDbContext(DbContextOptions<SearchDbContext> options) : DbContext(options)
{
    public DbSet<SearchItem> Items => Set<SearchItem>();
    public DbSet<SearchItemContent> Content => Set<SearchItemContent>();
    public DbSet<SearchItemAccess> Access => Set<SearchItemAccess>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SearchItem>(e =>
        {
            e.ToTable("Search_Items");
            e.HasKey(i => i.Id);
            e.HasIndex(i => new { i.Feature, i.Type, i.ItemId }).IsUnique();
        });
        modelBuilder.Entity<SearchItemContent>(e =>
        {
            e.ToTable("Search_Content");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<SearchItemAccess>(e =>
        {
            e.ToTable("Search_Access");
            e.HasKey(a => new { a.ItemId, a.Token });
            e.HasIndex(a => a.Token);
        });
    }
}

public sealed class SearchItem
{
    public long Id { get; set; }
    public required string Feature { get; set; }
    public required string Type { get; set; }
    public required string ItemId { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    /// <summary>Carries <see cref="Workbench.Abstractions.Search.SearchAccess.Public"/>: checked without a look-up in the access table.</summary>
    public bool IsPublic { get; set; }
    public DateOnly? PublicFrom { get; set; }
    public DateOnly? PublicUntil { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

public sealed class SearchItemContent
{
    public long Id { get; set; }
    public required string Text { get; set; }
    public required string TitleExact { get; set; }
    public required string TextExact { get; set; }
    public required string TitleFold { get; set; }
    public required string TextFold { get; set; }
}

public sealed class SearchItemAccess
{
    public long ItemId { get; set; }
    public required string Token { get; set; }
}
