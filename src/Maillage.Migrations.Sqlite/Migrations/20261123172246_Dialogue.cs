using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dialogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ObsoleteAt",
                table: "funding_indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObsoleteBy",
                table: "funding_indicators",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ObsoleteFromYear",
                table: "funding_indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObsoleteReason",
                table: "funding_indicators",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "funding_indicators",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "funding_indicator_values",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BalanceMonths",
                table: "funding_contracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<decimal>(
                name: "FixedAdvanceShare",
                table: "funding_contracts",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: false,
                defaultValue: 0.75m);

            migrationBuilder.AddColumn<decimal>(
                name: "VariableFloor",
                table: "funding_contracts",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VariableRule",
                table: "funding_contracts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Proportional");

            migrationBuilder.CreateTable(
                name: "funding_budget_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Mission = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ActionSheet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Planned = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Actual = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_budget_lines_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_crises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_crises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_crises_funding_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "funding_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_indicator_adjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousTarget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    NewTarget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AgreedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_indicator_adjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_indicator_adjustments_funding_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "funding_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_payments_funding_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "funding_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_reviews_funding_contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "funding_contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_review_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mission = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_review_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_review_actions_funding_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "funding_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_review_missions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mission = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MeansDeployed = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedFixed = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    DecidedVariable = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_review_missions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_review_missions_funding_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "funding_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_budget_lines_CptsId_Year",
                table: "funding_budget_lines",
                columns: new[] { "CptsId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_crises_ContractId_Year",
                table: "funding_crises",
                columns: new[] { "ContractId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_indicator_adjustments_IndicatorId_Year",
                table: "funding_indicator_adjustments",
                columns: new[] { "IndicatorId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_funding_payments_ContractId_Year_Line_Part",
                table: "funding_payments",
                columns: new[] { "ContractId", "Year", "Line", "Part" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_review_actions_ReviewId",
                table: "funding_review_actions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_review_missions_ReviewId_Mission",
                table: "funding_review_missions",
                columns: new[] { "ReviewId", "Mission" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_reviews_ContractId_Year",
                table: "funding_reviews",
                columns: new[] { "ContractId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_budget_lines");

            migrationBuilder.DropTable(
                name: "funding_crises");

            migrationBuilder.DropTable(
                name: "funding_indicator_adjustments");

            migrationBuilder.DropTable(
                name: "funding_payments");

            migrationBuilder.DropTable(
                name: "funding_review_actions");

            migrationBuilder.DropTable(
                name: "funding_review_missions");

            migrationBuilder.DropTable(
                name: "funding_reviews");

            migrationBuilder.DropColumn(
                name: "ObsoleteAt",
                table: "funding_indicators");

            migrationBuilder.DropColumn(
                name: "ObsoleteBy",
                table: "funding_indicators");

            migrationBuilder.DropColumn(
                name: "ObsoleteFromYear",
                table: "funding_indicators");

            migrationBuilder.DropColumn(
                name: "ObsoleteReason",
                table: "funding_indicators");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "funding_indicators");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "funding_indicator_values");

            migrationBuilder.DropColumn(
                name: "BalanceMonths",
                table: "funding_contracts");

            migrationBuilder.DropColumn(
                name: "FixedAdvanceShare",
                table: "funding_contracts");

            migrationBuilder.DropColumn(
                name: "VariableFloor",
                table: "funding_contracts");

            migrationBuilder.DropColumn(
                name: "VariableRule",
                table: "funding_contracts");
        }
    }
}
