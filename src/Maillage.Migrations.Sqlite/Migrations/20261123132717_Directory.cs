using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_professionals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rpps = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProfessionCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SpecialtyCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PracticeMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MssanteAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    WorkEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    WorkPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    PublishContacts = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_professionals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "community_structures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Finess = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_structures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_structures_terr_geo_units_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "terr_geo_units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_practices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_practices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_practices_community_professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "community_professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_community_practices_community_structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "community_structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_community_practices_terr_geo_units_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "terr_geo_units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_practices_CommuneCode",
                table: "community_practices",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_community_practices_ProfessionalId",
                table: "community_practices",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_community_practices_StructureId",
                table: "community_practices",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_community_professionals_ProfessionCode_LastName",
                table: "community_professionals",
                columns: new[] { "ProfessionCode", "LastName" });

            migrationBuilder.CreateIndex(
                name: "IX_community_professionals_Rpps",
                table: "community_professionals",
                column: "Rpps",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_structures_CommuneCode",
                table: "community_structures",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_community_structures_Finess",
                table: "community_structures",
                column: "Finess",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_structures_Siret",
                table: "community_structures",
                column: "Siret",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_practices");

            migrationBuilder.DropTable(
                name: "community_professionals");

            migrationBuilder.DropTable(
                name: "community_structures");
        }
    }
}
