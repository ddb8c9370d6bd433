using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Funding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleSetId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TierAtSignature = table.Column<int>(type: "integer", nullable: false),
                    ArsSignatory = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CpamSignatory = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Missions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CrisisPlanYear = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_contracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_contracts_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AddedMissions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RemovedMissions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: true),
                    TierReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_amendments_funding_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "funding_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_amendments_ContractId_Number",
                table: "funding_amendments",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_contracts_CptsId",
                table: "funding_contracts",
                column: "CptsId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_amendments");

            migrationBuilder.DropTable(
                name: "funding_contracts");
        }
    }
}
