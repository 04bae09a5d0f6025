using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Cemetery.Data.Migrations
{
    /// <inheritdoc />
    [DbContext(typeof(CemeteryDbContext))]
    [Migration("20261207200000_CreateCemetery")]
    public partial class CreateCemetery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cemetery_Cemeteries",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Status = table.Column<string>(nullable: false),
                    Address = table.Column<string>(nullable: true),
                    Latitude = table.Column<double>(nullable: true),
                    Longitude = table.Column<double>(nullable: true),
                    OpeningHours = table.Column<string>(nullable: true),
                    Caretaker = table.Column<string>(nullable: true),
                    ReuseYears = table.Column<int>(nullable: false),
                    AllowsCoffins = table.Column<bool>(nullable: false),
                    AllowsUrns = table.Column<bool>(nullable: false),
                    UrnsIntoOccupied = table.Column<bool>(nullable: false),
                    PublishAfterDays = table.Column<int>(nullable: false),
                    DayStart = table.Column<TimeOnly>(nullable: false),
                    DayEnd = table.Column<TimeOnly>(nullable: false),
                    SlotMinutes = table.Column<int>(nullable: false),
                    SchemeWidth = table.Column<int>(nullable: false),
                    SchemeHeight = table.Column<int>(nullable: false),
                    PlanSha256 = table.Column<string>(nullable: true),
                    PlanContentType = table.Column<string>(nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_Cemeteries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cemetery_Sections",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    CemeteryId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Polygon = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_Sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cemetery_Sections_Cemeteries",
                        column: x => x.CemeteryId,
                        principalTable: "Cemetery_Cemeteries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cemetery_Rows",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SectionId = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_Rows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cemetery_Rows_Sections",
                        column: x => x.SectionId,
                        principalTable: "Cemetery_Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cemetery_Sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    CemeteryId = table.Column<Guid>(nullable: false),
                    SectionId = table.Column<Guid>(nullable: true),
                    RowId = table.Column<Guid>(nullable: true),
                    Number = table.Column<string>(nullable: false),
                    Type = table.Column<string>(nullable: false),
                    Capacity = table.Column<int>(nullable: false),
                    WidthM = table.Column<double>(nullable: true),
                    LengthM = table.Column<double>(nullable: true),
                    State = table.Column<string>(nullable: false),
                    Polygon = table.Column<string>(nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_Sites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cemetery_Sites_Cemeteries",
                        column: x => x.CemeteryId,
                        principalTable: "Cemetery_Cemeteries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cemetery_Sites_Rows",
                        column: x => x.RowId,
                        principalTable: "Cemetery_Rows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cemetery_Sites_Sections",
                        column: x => x.SectionId,
                        principalTable: "Cemetery_Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cemetery_Burials",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    CemeteryId = table.Column<Guid>(nullable: false),
                    SiteId = table.Column<Guid>(nullable: false),
                    GivenName = table.Column<string>(nullable: true),
                    FamilyName = table.Column<string>(nullable: true),
                    PersonalCode = table.Column<string>(nullable: true),
                    BirthDate = table.Column<DateOnly>(nullable: true),
                    DeathDate = table.Column<DateOnly>(nullable: true),
                    Unidentified = table.Column<bool>(nullable: false),
                    BurialDate = table.Column<DateOnly>(nullable: false),
                    SlotStart = table.Column<TimeOnly>(nullable: true),
                    Type = table.Column<string>(nullable: false),
                    DepthM = table.Column<double>(nullable: true),
                    DoNotPublish = table.Column<bool>(nullable: false),
                    FamilyKey = table.Column<string>(nullable: false),
                    NameKeys = table.Column<string>(nullable: false),
                    CreatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_Burials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cemetery_Burials_Cemeteries",
                        column: x => x.CemeteryId,
                        principalTable: "Cemetery_Cemeteries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cemetery_Burials_Sites",
                        column: x => x.SiteId,
                        principalTable: "Cemetery_Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cemetery_SitePhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SiteId = table.Column<Guid>(nullable: false),
                    Sha256 = table.Column<string>(nullable: false),
                    ContentType = table.Column<string>(nullable: false),
                    Caption = table.Column<string>(nullable: true),
                    TakenUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_SitePhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cemetery_SitePhotos_Sites",
                        column: x => x.SiteId,
                        principalTable: "Cemetery_Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cemetery_UseRights",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SiteId = table.Column<Guid>(nullable: false),
                    HolderKind = table.Column<string>(nullable: false),
                    HolderName = table.Column<string>(nullable: false),
                    HolderCode = table.Column<string>(nullable: true),
                    HolderEmail = table.Column<string>(nullable: true),
                    HolderPhone = table.Column<string>(nullable: true),
                    HolderAddress = table.Column<string>(nullable: true),
                    Start = table.Column<DateOnly>(nullable: false),
                    End = table.Column<DateOnly>(nullable: false),
                    State = table.Column<string>(nullable: false),
                    PreviousId = table.Column<Guid>(nullable: true),
                    ContractNumber = table.Column<string>(nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_UseRights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cemetery_UseRights_Sites",
                        column: x => x.SiteId,
                        principalTable: "Cemetery_Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cemetery_Fees",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    UseRightId = table.Column<Guid>(nullable: false),
                    Description = table.Column<string>(nullable: false),
                    Amount = table.Column<decimal>(precision: 12, scale: 2, nullable: false),
                    DueDate = table.Column<DateOnly>(nullable: false),
                    PaidOn = table.Column<DateOnly>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_Fees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cemetery_Fees_UseRights",
                        column: x => x.UseRightId,
                        principalTable: "Cemetery_UseRights",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Burials_CemeteryId_BurialDate_SlotStart",
                table: "Cemetery_Burials",
                columns: new[] { "CemeteryId", "BurialDate", "SlotStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Burials_FamilyKey",
                table: "Cemetery_Burials",
                column: "FamilyKey");

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Burials_SiteId",
                table: "Cemetery_Burials",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Cemeteries_Name",
                table: "Cemetery_Cemeteries",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Fees_UseRightId",
                table: "Cemetery_Fees",
                column: "UseRightId");

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Rows_SectionId_Name",
                table: "Cemetery_Rows",
                columns: new[] { "SectionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Sections_CemeteryId_Name",
                table: "Cemetery_Sections",
                columns: new[] { "CemeteryId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_SitePhotos_SiteId",
                table: "Cemetery_SitePhotos",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Sites_CemeteryId_Number",
                table: "Cemetery_Sites",
                columns: new[] { "CemeteryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Sites_RowId",
                table: "Cemetery_Sites",
                column: "RowId");

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_Sites_SectionId",
                table: "Cemetery_Sites",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_UseRights_End",
                table: "Cemetery_UseRights",
                column: "End");

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_UseRights_SiteId",
                table: "Cemetery_UseRights",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cemetery_Burials");

            migrationBuilder.DropTable(
                name: "Cemetery_Fees");

            migrationBuilder.DropTable(
                name: "Cemetery_SitePhotos");

            migrationBuilder.DropTable(
                name: "Cemetery_UseRights");

            migrationBuilder.DropTable(
                name: "Cemetery_Sites");

            migrationBuilder.DropTable(
                name: "Cemetery_Rows");

            migrationBuilder.DropTable(
                name: "Cemetery_Sections");

            migrationBuilder.DropTable(
                name: "Cemetery_Cemeteries");
        }
    }
}
