using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workbench.DocumentRegister.Domain;

namespace Workbench.DocumentRegister.Data;

public sealed class DocumentRegisterDbContext(DbContextOptions<DocumentRegisterDbContext> options) : DbContext(options)
{
    public DbSet<Register> Registers => Set<Register>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<RegisterCounter> Counters => Set<RegisterCounter>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentAccess> Access => Set<DocumentAccess>();
    public DbSet<DocumentLink> Links => Set<DocumentLink>();
    public DbSet<DocumentVersion> Versions => Set<DocumentVersion>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<ExecutionTask> Tasks => Set<ExecutionTask>();
    public DbSet<ApprovalStep> Approvals => Set<ApprovalStep>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Register>(e =>
        {
            e.ToTable("DocReg_Registers");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Direction).HasConversion<string>();
            JsonList(e.Property(x => x.RequiredFields));
        });
        b.Entity<CaseFile>(e => { e.ToTable("DocReg_CaseFiles"); e.HasKey(x => x.Id); e.HasIndex(x => x.Index).IsUnique(); });
        b.Entity<RegisterCounter>(e => { e.ToTable("DocReg_Counters"); e.HasKey(x => x.Key); });
        b.Entity<Document>(e =>
        {
            e.ToTable("DocReg_Documents");
            e.HasKey(x => x.Id);
            // The database itself refuses a second document with the same number in a register.
            e.HasIndex(x => new { x.RegisterId, x.RegistrationNumber }).IsUnique();
            e.HasIndex(x => x.RegisteredUtc);
            e.HasIndex(x => x.CaseFileId);
            e.HasIndex(x => x.ExternalId).IsUnique();
            e.Property(x => x.Direction).HasConversion<string>();
            e.Property(x => x.Status).HasConversion<string>();
            JsonList(e.Property(x => x.ServiceCases));
            e.Property(x => x.CustomFields).HasConversion(v => v.ToJsonString(default(JsonSerializerOptions)), v => (JsonObject)JsonNode.Parse(v, default, default)!,
                new ValueComparer<JsonObject>((a, c) => a!.ToJsonString(default(JsonSerializerOptions)) == c!.ToJsonString(default(JsonSerializerOptions)), v => v.ToJsonString(default(JsonSerializerOptions)).GetHashCode(), v => (JsonObject)v.DeepClone()));
            e.HasOne<Register>().WithMany().HasForeignKey(x => x.RegisterId).HasConstraintName("FK_DocReg_Documents_Registers").OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CaseFile>().WithMany().HasForeignKey(x => x.CaseFileId).HasConstraintName("FK_DocReg_Documents_CaseFiles").OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<DocumentAccess>(e =>
        {
            e.ToTable("DocReg_Access");
            e.HasKey(x => new { x.DocumentId, x.Email });
            e.HasIndex(x => x.Email);
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).HasConstraintName("FK_DocReg_Access_Documents").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentLink>(e =>
        {
            e.ToTable("DocReg_Links");
            e.HasKey(x => new { x.DocumentId, x.TargetId });
            e.Property(x => x.Kind).HasConversion<string>();
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).HasConstraintName("FK_DocReg_Links_Documents").OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentVersion>(e =>
        {
            e.ToTable("DocReg_Versions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.DocumentId, x.Version }).IsUnique();
        });
        b.Entity<Attachment>(e =>
        {
            e.ToTable("DocReg_Attachments");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DocumentId);
            e.Property(x => x.Kind).HasConversion<string>();
        });
        b.Entity<ExecutionTask>(e =>
        {
            e.ToTable("DocReg_Tasks");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DocumentId);
            e.HasIndex(x => new { x.CompletedOn, x.DueDate });
        });
        b.Entity<ApprovalStep>(e =>
        {
            e.ToTable("DocReg_Approvals");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.DocumentId, x.Round, x.Order });
            e.Property(x => x.Mode).HasConversion<string>();
            e.Property(x => x.Decision).HasConversion<string>();
        });
    }

    private static void JsonList(PropertyBuilder<List<string>> property) =>
        property.HasConversion(v => JsonSerializer.Serialize(v, default(JsonSerializerOptions)), v => JsonSerializer.Deserialize<List<string>>(v, default(JsonSerializerOptions)) ?? new List<string>(),
            new ValueComparer<List<string>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), v => v.ToList()));
}
