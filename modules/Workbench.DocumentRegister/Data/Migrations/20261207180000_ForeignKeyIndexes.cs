using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.DocumentRegister.Data.Migrations;

/// <summary>
/// The index the model has always had on the attachments' foreign key to the stored files but no migration created;
/// found by the data-model check (tests/…/DataModelTests.cs).
/// </summary>
[DbContext(typeof(DocumentRegisterDbContext))]
[Migration("20261207180000_ForeignKeyIndexes")]
public sealed class ForeignKeyIndexes : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateIndex("IX_DocReg_Attachments_Hash", "DocReg_Attachments", "Hash");
}
