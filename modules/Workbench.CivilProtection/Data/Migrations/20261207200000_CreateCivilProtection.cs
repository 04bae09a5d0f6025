using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.CivilProtection.Data.Migrations
{
    [DbContext(typeof(CivilProtectionDbContext))]
    [Migration("20261207200000_CreateCivilProtection")]
    public sealed class CreateCivilProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CivPro_Commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    ScenarioId = table.Column<Guid>(nullable: true),
                    StartedUtc = table.Column<DateTime>(nullable: false),
                    StartedBy = table.Column<string>(nullable: false),
                    ReleasedUtc = table.Column<DateTime>(nullable: true),
                    ReleasedBy = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_Commitments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_ResourceTypes",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Code = table.Column<string>(nullable: false),
                    Category = table.Column<string>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Metric = table.Column<string>(nullable: false),
                    Capability = table.Column<double>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_ResourceTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_Scenarios",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Type = table.Column<string>(nullable: false),
                    Description = table.Column<string>(nullable: true),
                    Instruction = table.Column<string>(nullable: true),
                    Responsible = table.Column<string>(nullable: false),
                    AlertingListConfirmedOn = table.Column<DateOnly>(nullable: true),
                    UpdatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_Scenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_Shelters",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Kind = table.Column<string>(nullable: false),
                    Address = table.Column<string>(nullable: false),
                    Latitude = table.Column<double>(nullable: true),
                    Longitude = table.Column<double>(nullable: true),
                    Capacity = table.Column<int>(nullable: false),
                    Water = table.Column<bool>(nullable: false),
                    Power = table.Column<bool>(nullable: false),
                    Heating = table.Column<bool>(nullable: false),
                    Accessible = table.Column<bool>(nullable: false),
                    ResponsibleName = table.Column<string>(nullable: false),
                    ResponsiblePhone = table.Column<string>(nullable: true),
                    OpeningProcedure = table.Column<string>(nullable: true),
                    WhatToBring = table.Column<string>(nullable: true),
                    IsPublic = table.Column<bool>(nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_Shelters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_Resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    TypeId = table.Column<Guid>(nullable: false),
                    Quantity = table.Column<int>(nullable: false),
                    OwnerKind = table.Column<string>(nullable: false),
                    Owner = table.Column<string>(nullable: false),
                    ContactName = table.Column<string>(nullable: false),
                    ContactPhone = table.Column<string>(nullable: true),
                    ContactEmail = table.Column<string>(nullable: true),
                    Address = table.Column<string>(nullable: true),
                    Latitude = table.Column<double>(nullable: true),
                    Longitude = table.Column<double>(nullable: true),
                    Availability = table.Column<string>(nullable: false),
                    LastChecked = table.Column<DateOnly>(nullable: true),
                    CheckIntervalDays = table.Column<int>(nullable: false),
                    UpdatedUtc = table.Column<DateTime>(nullable: false),
                    NextCheck = table.Column<DateOnly>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_Resources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CivPro_Resources_Types",
                        column: x => x.TypeId,
                        principalTable: "CivPro_ResourceTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_AlertingEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ScenarioId = table.Column<Guid>(nullable: false),
                    Order = table.Column<int>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Organisation = table.Column<string>(nullable: true),
                    Role = table.Column<string>(nullable: false),
                    Phone = table.Column<string>(nullable: true),
                    Email = table.Column<string>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_AlertingEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CivPro_AlertingEntries_Scenarios",
                        column: x => x.ScenarioId,
                        principalTable: "CivPro_Scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_Areas",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ScenarioId = table.Column<Guid>(nullable: false),
                    Order = table.Column<int>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    Population = table.Column<int>(nullable: false),
                    Polygon = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_Areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CivPro_Areas_Scenarios",
                        column: x => x.ScenarioId,
                        principalTable: "CivPro_Scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_Requirements",
                columns: table => new
                {
                    ScenarioId = table.Column<Guid>(nullable: false),
                    TypeId = table.Column<Guid>(nullable: false),
                    Quantity = table.Column<int>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_Requirements", x => new { x.ScenarioId, x.TypeId });
                    table.ForeignKey(
                        name: "FK_CivPro_Requirements_Scenarios",
                        column: x => x.ScenarioId,
                        principalTable: "CivPro_Scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CivPro_Requirements_Types",
                        column: x => x.TypeId,
                        principalTable: "CivPro_ResourceTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_Routes",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ScenarioId = table.Column<Guid>(nullable: false),
                    Order = table.Column<int>(nullable: false),
                    Name = table.Column<string>(nullable: false),
                    FromArea = table.Column<string>(nullable: false),
                    ToShelterId = table.Column<Guid>(nullable: false),
                    CapacityNeeded = table.Column<int>(nullable: false),
                    Waypoints = table.Column<string>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_Routes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CivPro_Routes_Scenarios",
                        column: x => x.ScenarioId,
                        principalTable: "CivPro_Scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CivPro_Routes_Shelters",
                        column: x => x.ToShelterId,
                        principalTable: "CivPro_Shelters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_AvailabilityChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ResourceId = table.Column<Guid>(nullable: false),
                    From = table.Column<string>(nullable: true),
                    To = table.Column<string>(nullable: false),
                    ChangedUtc = table.Column<DateTime>(nullable: false),
                    ChangedBy = table.Column<string>(nullable: false),
                    Reason = table.Column<string>(nullable: true),
                    CommitmentId = table.Column<Guid>(nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_AvailabilityChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CivPro_AvailabilityChanges_Resources",
                        column: x => x.ResourceId,
                        principalTable: "CivPro_Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CivPro_CommitmentItems",
                columns: table => new
                {
                    CommitmentId = table.Column<Guid>(nullable: false),
                    ResourceId = table.Column<Guid>(nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivPro_CommitmentItems", x => new { x.CommitmentId, x.ResourceId });
                    table.ForeignKey(
                        name: "FK_CivPro_CommitmentItems_Commitments",
                        column: x => x.CommitmentId,
                        principalTable: "CivPro_Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CivPro_CommitmentItems_Resources",
                        column: x => x.ResourceId,
                        principalTable: "CivPro_Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_AlertingEntries_ScenarioId_Order",
                table: "CivPro_AlertingEntries",
                columns: new[] { "ScenarioId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_Areas_ScenarioId_Order",
                table: "CivPro_Areas",
                columns: new[] { "ScenarioId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_AvailabilityChanges_ResourceId_ChangedUtc",
                table: "CivPro_AvailabilityChanges",
                columns: new[] { "ResourceId", "ChangedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_CommitmentItems_ResourceId",
                table: "CivPro_CommitmentItems",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_Commitments_ReleasedUtc",
                table: "CivPro_Commitments",
                column: "ReleasedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_Requirements_TypeId",
                table: "CivPro_Requirements",
                column: "TypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_Resources_NextCheck",
                table: "CivPro_Resources",
                column: "NextCheck");

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_Resources_TypeId_Availability",
                table: "CivPro_Resources",
                columns: new[] { "TypeId", "Availability" });

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_ResourceTypes_Code",
                table: "CivPro_ResourceTypes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_Routes_ScenarioId_Order",
                table: "CivPro_Routes",
                columns: new[] { "ScenarioId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_Routes_ToShelterId",
                table: "CivPro_Routes",
                column: "ToShelterId");

            migrationBuilder.CreateIndex(
                name: "IX_CivPro_Shelters_IsPublic",
                table: "CivPro_Shelters",
                column: "IsPublic");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CivPro_AlertingEntries");

            migrationBuilder.DropTable(
                name: "CivPro_Areas");

            migrationBuilder.DropTable(
                name: "CivPro_AvailabilityChanges");

            migrationBuilder.DropTable(
                name: "CivPro_CommitmentItems");

            migrationBuilder.DropTable(
                name: "CivPro_Requirements");

            migrationBuilder.DropTable(
                name: "CivPro_Routes");

            migrationBuilder.DropTable(
                name: "CivPro_Commitments");

            migrationBuilder.DropTable(
                name: "CivPro_Resources");

            migrationBuilder.DropTable(
                name: "CivPro_Scenarios");

            migrationBuilder.DropTable(
                name: "CivPro_Shelters");

            migrationBuilder.DropTable(
                name: "CivPro_ResourceTypes");
        }
    }
}
