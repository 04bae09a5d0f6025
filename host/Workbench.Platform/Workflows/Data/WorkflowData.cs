using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workbench.Platform.Data;

namespace Workbench.Platform.Workflows;

/// <summary>A tenant's workflow type: its JSON as the administrator saved it; every save is a new version.</summary>
public sealed class WorkflowType
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Title { get; set; }
    public required string Json { get; set; }
    public int Version { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>The event that starts it, kept beside the JSON so events find their types with an index.</summary>
    public string? StartEvent { get; set; }
    /// <summary>For a scheduled type: when the schedule last started it.</summary>
    public DateTime? LastScheduledUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

public enum WorkflowStatus { Running, Waiting, Finished, Failed }

/// <summary>
/// A running (or finished) workflow: the definition it started with (a later edit of the type does not change it),
/// where it stands, what it waits for, its variables, and — when it failed — the error.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }
    public required string TypeName { get; set; }
    public int TypeVersion { get; set; }
    public required string DefinitionJson { get; set; }
    public WorkflowStatus Status { get; set; }
    public string? CurrentActivity { get; set; }
    public string? WaitSignal { get; set; }
    public DateTime? WaitDueUtc { get; set; }
    public Guid? WaitTaskId { get; set; }
    public string? ResumeOutcome { get; set; }
    public string? CorrelationType { get; set; }
    public string? CorrelationId { get; set; }
    public required string Variables { get; set; }
    public string? Error { get; set; }
    /// <summary>Changes with every save: two resumptions of one instance at once cannot both win.</summary>
    public int Revision { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
}

/// <summary>One step of an instance's history: which activity, how it ended, who or what moved it, when.</summary>
public sealed class WorkflowHistoryEntry
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public int Sequence { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public string? Outcome { get; set; }
    public string? Note { get; set; }
    public required string Actor { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A task an assign-task step gave a person or a role; completing it resumes the workflow.</summary>
public sealed class WorkflowTask
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string Title { get; set; }
    public string? AssigneeEmail { get; set; }
    public string? AssigneeRole { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? Url { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public string? CompletedBy { get; set; }
    public string? Outcome { get; set; }
}

/// <summary>
/// An event a module published (<c>IWorkflowEvents</c>), saved with the change that caused it and waiting for the
/// engine: the <c>WorkflowEventRunner</c> runs it right after commit, outside the request, and a process that stops in
/// between leaves it here for the next pass.
/// </summary>
public sealed class WorkflowPendingEvent
{
    /// <summary>Numbered by the database: events run in the order they were published.</summary>
    public long Id { get; set; }
    public required string EventName { get; set; }
    public required string CorrelationType { get; set; }
    public required string CorrelationId { get; set; }
    public required string FieldsJson { get; set; }
    /// <summary>Who made the change: workflow steps the event starts act in their name, as they did in the request.</summary>
    public required string Actor { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>When it may run (again): moved forward by a lease while a node runs it, and by back-off after a failure.</summary>
    public DateTime NextAttemptUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public DbSet<WorkflowPendingEvent> PendingEvents => Set<WorkflowPendingEvent>();
    public DbSet<WorkflowType> Types => Set<WorkflowType>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<WorkflowHistoryEntry> History => Set<WorkflowHistoryEntry>();
    public DbSet<WorkflowTask> Tasks => Set<WorkflowTask>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<WorkflowType>(e => { e.ToTable("Wf_Types"); e.HasKey(x => x.Id); e.HasIndex(x => x.Name).IsUnique(); e.HasIndex(x => x.StartEvent); });
        b.Entity<WorkflowInstance>(e =>
        {
            e.ToTable("Wf_Instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<string>();
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.Status, x.WaitDueUtc });
            e.HasIndex(x => new { x.CorrelationType, x.CorrelationId });
        });
        b.Entity<WorkflowHistoryEntry>(e => { e.ToTable("Wf_History"); e.HasKey(x => x.Id); e.HasIndex(x => new { x.InstanceId, x.Sequence }).IsUnique(); });
        b.Entity<WorkflowPendingEvent>(e => { e.ToTable("Wf_PendingEvents"); e.HasKey(x => x.Id); e.HasIndex(x => x.NextAttemptUtc); });
        b.Entity<WorkflowTask>(e => { e.ToTable("Wf_Tasks"); e.HasKey(x => x.Id); e.HasIndex(x => x.InstanceId); e.HasIndex(x => new { x.AssigneeEmail, x.CompletedUtc }); });
    }
}

[DbContext(typeof(WorkflowDbContext))]
[Migration("20261203120000_Workflows")]
public sealed class WorkflowsMigration : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Wf_Types", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Title = t.Column<string>(nullable: false),
            Json = t.Column<string>(nullable: false),
            Version = t.Column<int>(nullable: false),
            Enabled = t.Column<bool>(nullable: false),
            StartEvent = t.Column<string>(nullable: true),
            LastScheduledUtc = t.Column<DateTime>(nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Wf_Types", x => x.Id));
        m.CreateIndex("IX_Wf_Types_Name", "Wf_Types", "Name", unique: true);
        m.CreateIndex("IX_Wf_Types_StartEvent", "Wf_Types", "StartEvent");
        m.CreateTable("Wf_Instances", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TypeName = t.Column<string>(nullable: false),
            TypeVersion = t.Column<int>(nullable: false),
            DefinitionJson = t.Column<string>(nullable: false),
            Status = t.Column<string>(nullable: false),
            CurrentActivity = t.Column<string>(nullable: true),
            WaitSignal = t.Column<string>(nullable: true),
            WaitDueUtc = t.Column<DateTime>(nullable: true),
            WaitTaskId = t.Column<Guid>(nullable: true),
            ResumeOutcome = t.Column<string>(nullable: true),
            CorrelationType = t.Column<string>(nullable: true),
            CorrelationId = t.Column<string>(nullable: true),
            Variables = t.Column<string>(nullable: false),
            Error = t.Column<string>(nullable: true),
            Revision = t.Column<int>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
            FinishedUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Wf_Instances", x => x.Id));
        m.CreateIndex("IX_Wf_Instances_Status_WaitDueUtc", "Wf_Instances", ["Status", "WaitDueUtc"]);
        m.CreateIndex("IX_Wf_Instances_CorrelationType_CorrelationId", "Wf_Instances", ["CorrelationType", "CorrelationId"]);
        m.CreateTable("Wf_History", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            InstanceId = t.Column<Guid>(nullable: false),
            Sequence = t.Column<int>(nullable: false),
            ActivityId = t.Column<string>(nullable: false),
            ActivityType = t.Column<string>(nullable: false),
            Outcome = t.Column<string>(nullable: true),
            Note = t.Column<string>(nullable: true),
            Actor = t.Column<string>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Wf_History", x => x.Id));
        m.CreateIndex("IX_Wf_History_InstanceId_Sequence", "Wf_History", ["InstanceId", "Sequence"], unique: true);
        m.CreateTable("Wf_Tasks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            InstanceId = t.Column<Guid>(nullable: false),
            ActivityId = t.Column<string>(nullable: false),
            Title = t.Column<string>(nullable: false),
            AssigneeEmail = t.Column<string>(nullable: true),
            AssigneeRole = t.Column<string>(nullable: true),
            DueDate = t.Column<DateOnly>(nullable: true),
            Url = t.Column<string>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CompletedUtc = t.Column<DateTime>(nullable: true),
            CompletedBy = t.Column<string>(nullable: true),
            Outcome = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Wf_Tasks", x => x.Id));
        m.CreateIndex("IX_Wf_Tasks_InstanceId", "Wf_Tasks", "InstanceId");
        m.CreateIndex("IX_Wf_Tasks_AssigneeEmail_CompletedUtc", "Wf_Tasks", ["AssigneeEmail", "CompletedUtc"]);
    }
}

[DbContext(typeof(WorkflowDbContext))]
[Migration("20261208010000_PendingEvents")]
public sealed class PendingEventsMigration : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("Wf_PendingEvents", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            EventName = t.Column<string>(nullable: false),
            CorrelationType = t.Column<string>(nullable: false),
            CorrelationId = t.Column<string>(nullable: false),
            FieldsJson = t.Column<string>(nullable: false),
            Actor = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            NextAttemptUtc = t.Column<DateTime>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            LastError = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Wf_PendingEvents", x => x.Id));
        m.CreateIndex("IX_Wf_PendingEvents_NextAttemptUtc", "Wf_PendingEvents", "NextAttemptUtc");
    }
}
