using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.DocumentRegister.Data.Migrations;

[DbContext(typeof(DocumentRegisterDbContext))]
[Migration("20261203100000_CreateDocumentRegister")]
public sealed class CreateDocumentRegister : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("DocReg_Registers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Direction = t.Column<string>(nullable: false),
            Prefix = t.Column<string>(nullable: false),
            Pattern = t.Column<string>(nullable: false),
            RestartsYearly = t.Column<bool>(nullable: false),
            RequiredFields = t.Column<string>(nullable: false),
            InboxCaseFileId = t.Column<Guid>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocReg_Registers", x => x.Id));
        m.CreateIndex("IX_DocReg_Registers_Code", "DocReg_Registers", "Code", unique: true);

        m.CreateTable("DocReg_CaseFiles", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Index = t.Column<string>(nullable: false),
            Title = t.Column<string>(nullable: false),
            RetentionYears = t.Column<int>(nullable: true),
            ResponsibleUnit = t.Column<string>(nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocReg_CaseFiles", x => x.Id));
        m.CreateIndex("IX_DocReg_CaseFiles_Index", "DocReg_CaseFiles", "Index", unique: true);

        m.CreateTable("DocReg_Counters", t => new
        {
            Key = t.Column<string>(nullable: false),
            Value = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocReg_Counters", x => x.Key));

        m.CreateTable("DocReg_Documents", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegisterId = t.Column<Guid>(nullable: false),
            CaseFileId = t.Column<Guid>(nullable: false),
            RegistrationNumber = t.Column<string>(nullable: false),
            Sequence = t.Column<long>(nullable: false),
            RegisteredUtc = t.Column<DateTime>(nullable: false),
            RegisteredBy = t.Column<string>(nullable: false),
            Direction = t.Column<string>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            Title = t.Column<string>(nullable: false),
            Summary = t.Column<string>(nullable: true),
            Author = t.Column<string>(nullable: true),
            Correspondent = t.Column<string>(nullable: true),
            DocumentDate = t.Column<DateOnly>(nullable: true),
            Executor = t.Column<string>(nullable: true),
            DueDate = t.Column<DateOnly>(nullable: true),
            Restricted = t.Column<bool>(nullable: false),
            Status = t.Column<string>(nullable: false),
            ServiceCases = t.Column<string>(nullable: false),
            CustomFields = t.Column<string>(nullable: false),
            Version = t.Column<int>(nullable: false),
            ExternalId = t.Column<string>(nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DocReg_Documents", x => x.Id);
            t.ForeignKey("FK_DocReg_Documents_Registers", x => x.RegisterId, "DocReg_Registers", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_DocReg_Documents_CaseFiles", x => x.CaseFileId, "DocReg_CaseFiles", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_DocReg_Documents_RegisterId_RegistrationNumber", "DocReg_Documents", ["RegisterId", "RegistrationNumber"], unique: true);
        m.CreateIndex("IX_DocReg_Documents_RegisteredUtc", "DocReg_Documents", "RegisteredUtc");
        m.CreateIndex("IX_DocReg_Documents_CaseFileId", "DocReg_Documents", "CaseFileId");
        m.CreateIndex("IX_DocReg_Documents_ExternalId", "DocReg_Documents", "ExternalId", unique: true);

        m.CreateTable("DocReg_Access", t => new
        {
            DocumentId = t.Column<Guid>(nullable: false),
            Email = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DocReg_Access", x => new { x.DocumentId, x.Email });
            t.ForeignKey("FK_DocReg_Access_Documents", x => x.DocumentId, "DocReg_Documents", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_DocReg_Access_Email", "DocReg_Access", "Email");

        m.CreateTable("DocReg_Links", t => new
        {
            DocumentId = t.Column<Guid>(nullable: false),
            TargetId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DocReg_Links", x => new { x.DocumentId, x.TargetId });
            t.ForeignKey("FK_DocReg_Links_Documents", x => x.DocumentId, "DocReg_Documents", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("DocReg_Versions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DocumentId = t.Column<Guid>(nullable: false),
            Version = t.Column<int>(nullable: false),
            Snapshot = t.Column<string>(nullable: false),
            ChangedBy = t.Column<string>(nullable: false),
            ChangedUtc = t.Column<DateTime>(nullable: false),
            Reason = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocReg_Versions", x => x.Id));
        m.CreateIndex("IX_DocReg_Versions_DocumentId_Version", "DocReg_Versions", ["DocumentId", "Version"], unique: true);

        m.CreateTable("DocReg_Files", t => new
        {
            Hash = t.Column<string>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            Size = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DocReg_Files", x => x.Hash));

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
        }, constraints: t =>
        {
            t.PrimaryKey("PK_DocReg_Attachments", x => x.Id);
            t.ForeignKey("FK_DocReg_Attachments_Files", x => x.Hash, "DocReg_Files", "Hash", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_DocReg_Attachments_DocumentId", "DocReg_Attachments", "DocumentId");

        m.CreateTable("DocReg_Tasks", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DocumentId = t.Column<Guid>(nullable: false),
            Executor = t.Column<string>(nullable: false),
            Instruction = t.Column<string>(nullable: false),
            DueDate = t.Column<DateOnly>(nullable: false),
            AssignedBy = t.Column<string>(nullable: false),
            AssignedUtc = t.Column<DateTime>(nullable: false),
            CompletedOn = t.Column<DateOnly>(nullable: true),
            Result = t.Column<string>(nullable: true),
            ResponsibleUnit = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_DocReg_Tasks", x => x.Id));
        m.CreateIndex("IX_DocReg_Tasks_DocumentId", "DocReg_Tasks", "DocumentId");
        m.CreateIndex("IX_DocReg_Tasks_CompletedOn_DueDate", "DocReg_Tasks", ["CompletedOn", "DueDate"]);

        m.CreateTable("DocReg_Approvals", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            DocumentId = t.Column<Guid>(nullable: false),
            Round = t.Column<int>(nullable: false),
            Order = t.Column<int>(nullable: false),
            Mode = t.Column<string>(nullable: false),
            Approver = t.Column<string>(nullable: false),
            Decision = t.Column<string>(nullable: false),
            Comment = t.Column<string>(nullable: true),
            DecidedUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_DocReg_Approvals", x => x.Id));
        m.CreateIndex("IX_DocReg_Approvals_DocumentId_Round_Order", "DocReg_Approvals", ["DocumentId", "Round", "Order"]);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "DocReg_Approvals", "DocReg_Tasks", "DocReg_Attachments", "DocReg_Files", "DocReg_Versions", "DocReg_Links", "DocReg_Access", "DocReg_Documents", "DocReg_Counters", "DocReg_CaseFiles", "DocReg_Registers" })
            m.DropTable(table);
    }
}
