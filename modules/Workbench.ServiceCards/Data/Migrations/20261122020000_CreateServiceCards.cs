using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workbench.ServiceCards.Data.Migrations;

[DbContext(typeof(ServiceCardsDbContext))]
[Migration("20261122020000_CreateServiceCards")]
public sealed class CreateServiceCards : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ServiceCards_Cards", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Identifier = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            State = t.Column<string>(nullable: false),
            Version = t.Column<int>(nullable: false),
            WorkingJson = t.Column<string>(nullable: false),
            PublishedJson = t.Column<string>(nullable: true),
            PublishedVersion = t.Column<int>(nullable: true),
            NextReviewDate = t.Column<DateOnly>(nullable: true),
            ReviewComment = t.Column<string>(nullable: true),
            UpdatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ServiceCards_Cards", x => x.Id));
        // Identifiers are unique per municipality, enforced by the database.
        m.CreateIndex("IX_ServiceCards_Cards_Identifier", "ServiceCards_Cards", "Identifier", unique: true);

        m.CreateTable("ServiceCards_Versions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            Version = t.Column<int>(nullable: false),
            State = t.Column<string>(nullable: false),
            Json = t.Column<string>(nullable: false),
            Actor = t.Column<string>(nullable: false),
            Action = t.Column<string>(nullable: false),
            Comment = t.Column<string>(nullable: true),
            CreatedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ServiceCards_Versions", x => x.Id));
        m.CreateIndex("IX_ServiceCards_Versions_CardId_Version", "ServiceCards_Versions", ["CardId", "Version"], unique: true);
    }
}
