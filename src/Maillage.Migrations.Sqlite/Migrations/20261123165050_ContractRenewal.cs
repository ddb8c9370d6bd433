using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContractRenewal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_funding_contracts_CptsId",
                table: "funding_contracts");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "funding_contracts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_funding_contracts_CptsId_Number",
                table: "funding_contracts",
                columns: new[] { "CptsId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_funding_contracts_CptsId_Number",
                table: "funding_contracts");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "funding_contracts");

            migrationBuilder.CreateIndex(
                name: "IX_funding_contracts_CptsId",
                table: "funding_contracts",
                column: "CptsId",
                unique: true);
        }
    }
}
