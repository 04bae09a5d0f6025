using Microsoft.EntityFrameworkCore;
using Workbench.CouncilSessions.Domain;

namespace Workbench.CouncilSessions.Data;

public sealed class CouncilDbContext(DbContextOptions<CouncilDbContext> options) : DbContext(options)
{
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaAttachment> AgendaAttachments => Set<AgendaAttachment>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<VoteEvent> VoteEvents => Set<VoteEvent>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<MeetingGuest> Guests => Set<MeetingGuest>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Body>(e =>
        {
            e.ToTable("Council_Bodies");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>();
            e.Property(x => x.Rule).HasConversion<string>();
            e.Property(x => x.Template).HasConversion(
                t => t == null ? null : System.Text.Json.JsonSerializer.Serialize(t, (System.Text.Json.JsonSerializerOptions?)null),
                json => json == null ? null : System.Text.Json.JsonSerializer.Deserialize<MeetingTemplate>(json, (System.Text.Json.JsonSerializerOptions?)null));
        });
        b.Entity<Person>(e => { e.ToTable("Council_People"); e.HasKey(x => x.Id); });
        b.Entity<Membership>(e =>
        {
            e.ToTable("Council_Memberships");
            e.HasKey(x => x.Id);
            e.Property(x => x.Role).HasConversion<string>();
            e.HasIndex(x => new { x.BodyId, x.PersonId });
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).HasConstraintName("FK_Council_Memberships_Bodies").OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).HasConstraintName("FK_Council_Memberships_People").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Meeting>(e =>
        {
            e.ToTable("Council_Meetings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>();
            e.Property(x => x.Mode).HasConversion<string>();
            e.Property(x => x.State).HasConversion<string>();
            e.HasIndex(x => new { x.BodyId, x.Year, x.Number }).IsUnique();
            e.Ignore(x => x.IsPublished);
            e.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).HasConstraintName("FK_Council_Meetings_Bodies").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AgendaItem>(e =>
        {
            e.ToTable("Council_AgendaItems");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.MeetingId, x.Number });
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).HasConstraintName("FK_Council_AgendaItems_Meetings").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AgendaAttachment>(e =>
        {
            e.ToTable("Council_AgendaAttachments");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.AgendaItemId);
            e.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).HasConstraintName("FK_Council_AgendaAttachments_AgendaItems").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Attendance>(e =>
        {
            e.ToTable("Council_Attendance");
            e.HasKey(x => x.Id);
            e.Property(x => x.Mode).HasConversion<string>();
            e.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).HasConstraintName("FK_Council_Attendance_Meetings").OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.IsPresent);
        });
        b.Entity<VoteEvent>(e =>
        {
            e.ToTable("Council_VoteEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.State).HasConversion<string>();
            e.HasIndex(x => x.MeetingId);
            e.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.AgendaItemId).HasConstraintName("FK_Council_VoteEvents_AgendaItems").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MeetingGuest>(e =>
        {
            e.ToTable("Council_Guests");
            e.HasKey(x => new { x.MeetingId, x.PersonId });
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).HasConstraintName("FK_Council_Guests_Meetings").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Invitation>(e =>
        {
            e.ToTable("Council_Invitations");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.MeetingId);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).HasConstraintName("FK_Council_Invitations_Meetings").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Vote>(e =>
        {
            e.ToTable("Council_Votes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Choice).HasConversion<string>();
            e.HasIndex(x => new { x.VoteEventId, x.PersonId }).IsUnique();
            e.HasOne<VoteEvent>().WithMany().HasForeignKey(x => x.VoteEventId).HasConstraintName("FK_Council_Votes_VoteEvents").OnDelete(DeleteBehavior.Restrict);
        });
    }
}
