using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Membership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    College = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_members", x => x.Id);
                    table.CheckConstraint("CK_community_members_person_or_structure", "(\"ProfessionalId\" IS NULL) <> (\"StructureId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_community_members_community_professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "community_professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_members_community_structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "community_structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_members_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_dues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_dues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_dues_community_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "community_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_membership_periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_membership_periods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_membership_periods_community_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "community_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_dues_CptsId_ReceiptNumber",
                table: "community_dues",
                columns: new[] { "CptsId", "ReceiptNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_dues_MemberId_Year",
                table: "community_dues",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_members_CptsId_ProfessionalId",
                table: "community_members",
                columns: new[] { "CptsId", "ProfessionalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_members_CptsId_StructureId",
                table: "community_members",
                columns: new[] { "CptsId", "StructureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_members_ProfessionalId",
                table: "community_members",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_community_members_StructureId",
                table: "community_members",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_community_membership_periods_MemberId_From",
                table: "community_membership_periods",
                columns: new[] { "MemberId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_dues");

            migrationBuilder.DropTable(
                name: "community_membership_periods");

            migrationBuilder.DropTable(
                name: "community_members");
        }
    }
}
