using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContractFunders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ARS (région) and the CPAM (département) that signed a contract, whose officers decide for the funders (issue 11). Contracts
            // recorded before keep null: every officer of their territory decides until a decider records them (PUT /api/cpts/{id}/contract).
            migrationBuilder.AddColumn<string>(
                name: "ArsRegion",
                table: "funding_contracts",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CpamDepartement",
                table: "funding_contracts",
                type: "TEXT",
                maxLength: 3,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArsRegion",
                table: "funding_contracts");

            migrationBuilder.DropColumn(
                name: "CpamDepartement",
                table: "funding_contracts");
        }
    }
}
