using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Benefits.Data.Migrations
{
    /// <inheritdoc />
    [DbContext(typeof(BenefitsDbContext))]
    [Migration("20261207230000_CreateBenefits")]
    public partial class CreateBenefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Benefits_AvisMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    Code = table.Column<string>(nullable: false),
                    Version = table.Column<int>(nullable: false),
                    IdempotencyKey = table.Column<string>(nullable: false),
                    QueuedUtc = table.Column<DateTime>(nullable: false),
                    AvisId = table.Column<string>(nullable: true),
                    AcknowledgedUtc = table.Column<DateTime>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_AvisMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Benefits_Cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Number = table.Column<string>(nullable: false),
                    PersonHash = table.Column<string>(nullable: false),
                    HolderName = table.Column<string>(nullable: false),
                    ValidFrom = table.Column<DateOnly>(nullable: false),
                    ValidTo = table.Column<DateOnly>(nullable: false),
                    Blocked = table.Column<bool>(nullable: false),
                    BlockedReason = table.Column<string>(nullable: true),
                    ReplacesId = table.Column<Guid>(nullable: true),
                    IssuedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_Cards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Benefits_CheckTallies",
                columns: table => new
                {
                    ProviderId = table.Column<Guid>(nullable: false),
                    ReliefId = table.Column<Guid>(nullable: false),
                    Month = table.Column<string>(nullable: false),
                    Eligible = table.Column<int>(nullable: false),
                    NotEligible = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_CheckTallies", x => new { x.ProviderId, x.ReliefId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "Benefits_Groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Code = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Description = table.Column<string>(nullable: true),
                    RuleJson = table.Column<string>(nullable: false),
                    Version = table.Column<int>(nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_Groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Benefits_Providers",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    ClientId = table.Column<string>(nullable: false),
                    ContractNumber = table.Column<string>(nullable: true),
                    ContractFrom = table.Column<DateOnly>(nullable: false),
                    ContractTo = table.Column<DateOnly>(nullable: true),
                    ReliefCodes = table.Column<string>(nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_Providers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Benefits_Reconciliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    RunUtc = table.Column<DateTime>(nullable: false),
                    RunBy = table.Column<string>(nullable: false),
                    ReportJson = table.Column<string>(nullable: true),
                    Error = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_Reconciliations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Benefits_Reliefs",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Code = table.Column<string>(nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_Reliefs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Benefits_Settings",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false),
                    PersonKey = table.Column<string>(nullable: false),
                    RetentionDays = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_Settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Benefits_StatusRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    PersonHash = table.Column<string>(nullable: false),
                    GroupId = table.Column<Guid>(nullable: false),
                    ValidFrom = table.Column<DateOnly>(nullable: false),
                    ValidTo = table.Column<DateOnly>(nullable: false),
                    Source = table.Column<string>(nullable: false),
                    DeclaredResidence = table.Column<bool>(nullable: false),
                    BirthDate = table.Column<DateOnly>(nullable: true),
                    ImportedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_StatusRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Benefits_StatusRecords_Groups",
                        column: x => x.GroupId,
                        principalTable: "Benefits_Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Benefits_ReliefVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ReliefId = table.Column<Guid>(nullable: false),
                    Number = table.Column<int>(nullable: false),
                    ValidFrom = table.Column<DateOnly>(nullable: false),
                    ValidTo = table.Column<DateOnly>(nullable: true),
                    Name = table.Column<string>(nullable: false),
                    Grantor = table.Column<string>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    AppliesTo = table.Column<string>(nullable: false),
                    Percent = table.Column<decimal>(precision: 5, scale: 2, nullable: true),
                    Amount = table.Column<decimal>(precision: 12, scale: 2, nullable: true),
                    Cap = table.Column<decimal>(precision: 12, scale: 2, nullable: true),
                    CapPeriod = table.Column<string>(nullable: true),
                    GroupCodes = table.Column<string>(nullable: false),
                    LegalBasis = table.Column<string>(nullable: true),
                    LegalBasisUrl = table.Column<string>(nullable: true),
                    IdentifiedBy = table.Column<string>(nullable: false),
                    Description = table.Column<string>(nullable: true),
                    ChangeNote = table.Column<string>(nullable: true),
                    CreatedBy = table.Column<string>(nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Benefits_ReliefVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Benefits_ReliefVersions_Reliefs",
                        column: x => x.ReliefId,
                        principalTable: "Benefits_Reliefs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_AvisMessages_IdempotencyKey",
                table: "Benefits_AvisMessages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_AvisMessages_Kind_Code",
                table: "Benefits_AvisMessages",
                columns: new[] { "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Cards_Number",
                table: "Benefits_Cards",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Cards_PersonHash",
                table: "Benefits_Cards",
                column: "PersonHash");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Groups_Code",
                table: "Benefits_Groups",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Providers_ClientId",
                table: "Benefits_Providers",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Providers_Name",
                table: "Benefits_Providers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Reconciliations_RunUtc",
                table: "Benefits_Reconciliations",
                column: "RunUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_Reliefs_Code",
                table: "Benefits_Reliefs",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_ReliefVersions_ReliefId_Number",
                table: "Benefits_ReliefVersions",
                columns: new[] { "ReliefId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_StatusRecords_GroupId",
                table: "Benefits_StatusRecords",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_StatusRecords_PersonHash_GroupId",
                table: "Benefits_StatusRecords",
                columns: new[] { "PersonHash", "GroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_Benefits_StatusRecords_ValidTo",
                table: "Benefits_StatusRecords",
                column: "ValidTo");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Benefits_AvisMessages");

            migrationBuilder.DropTable(
                name: "Benefits_Cards");

            migrationBuilder.DropTable(
                name: "Benefits_CheckTallies");

            migrationBuilder.DropTable(
                name: "Benefits_Providers");

            migrationBuilder.DropTable(
                name: "Benefits_Reconciliations");

            migrationBuilder.DropTable(
                name: "Benefits_ReliefVersions");

            migrationBuilder.DropTable(
                name: "Benefits_Settings");

            migrationBuilder.DropTable(
                name: "Benefits_StatusRecords");

            migrationBuilder.DropTable(
                name: "Benefits_Reliefs");

            migrationBuilder.DropTable(
                name: "Benefits_Groups");
        }
    }
}
