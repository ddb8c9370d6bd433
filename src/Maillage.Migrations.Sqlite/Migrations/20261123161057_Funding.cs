using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleSetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TierAtSignature = table.Column<int>(type: "INTEGER", nullable: false),
                    ArsSignatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CpamSignatory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Missions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CrisisPlanYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AddedMissions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RemovedMissions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: true),
                    TierReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
