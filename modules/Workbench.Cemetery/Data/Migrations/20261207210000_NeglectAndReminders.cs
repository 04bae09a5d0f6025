using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Cemetery.Data.Migrations
{
    /// <inheritdoc />
    [DbContext(typeof(CemeteryDbContext))]
    [Migration("20261207210000_NeglectAndReminders")]
    public partial class NeglectAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NeglectWaitDays",
                table: "Cemetery_Cemeteries",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.AddColumn<string>(
                name: "ReminderEmail",
                table: "Cemetery_Cemeteries",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cemetery_NeglectSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    SiteId = table.Column<Guid>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    Date = table.Column<DateOnly>(nullable: false),
                    By = table.Column<string>(nullable: false),
                    Note = table.Column<string>(nullable: true),
                    PhotoSha256 = table.Column<string>(nullable: true),
                    DocumentId = table.Column<Guid>(nullable: true),
                    RegistrationNumber = table.Column<string>(nullable: true),
                    CreatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cemetery_NeglectSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cemetery_NeglectSteps_Sites",
                        column: x => x.SiteId,
                        principalTable: "Cemetery_Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cemetery_NeglectSteps_SiteId",
                table: "Cemetery_NeglectSteps",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cemetery_NeglectSteps");

            migrationBuilder.DropColumn(
                name: "NeglectWaitDays",
                table: "Cemetery_Cemeteries");

            migrationBuilder.DropColumn(
                name: "ReminderEmail",
                table: "Cemetery_Cemeteries");
        }
    }
}
