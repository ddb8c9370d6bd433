using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SasRegulatorsAppointmentsFiness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RegulatorId",
                table: "unscheduled_bookings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Finess",
                table: "lifecycle_cpts",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "unscheduled_sas_regulators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NationalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TechnicalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TermsAcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_sas_regulators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unscheduled_sas_appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegulatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperatorType = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OperatorSystem = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OperatorValue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Created = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SasLocation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PendingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_sas_appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unscheduled_sas_appointments_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unscheduled_sas_appointments_unscheduled_bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "unscheduled_bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unscheduled_sas_appointments_unscheduled_sas_regulators_RegulatorId",
                        column: x => x.RegulatorId,
                        principalTable: "unscheduled_sas_regulators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_bookings_RegulatorId",
                table: "unscheduled_bookings",
                column: "RegulatorId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_sas_appointments_BookingId",
                table: "unscheduled_sas_appointments",
                column: "BookingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_sas_appointments_CptsId",
                table: "unscheduled_sas_appointments",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_sas_appointments_NextAttemptAt",
                table: "unscheduled_sas_appointments",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_sas_appointments_RegulatorId",
                table: "unscheduled_sas_appointments",
                column: "RegulatorId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_sas_regulators_NationalId",
                table: "unscheduled_sas_regulators",
                column: "NationalId",
                unique: true,
                filter: "\"NationalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_sas_regulators_TechnicalId",
                table: "unscheduled_sas_regulators",
                column: "TechnicalId",
                unique: true,
                filter: "\"TechnicalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_sas_regulators_UserId",
                table: "unscheduled_sas_regulators",
                column: "UserId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_unscheduled_bookings_unscheduled_sas_regulators_RegulatorId",
                table: "unscheduled_bookings",
                column: "RegulatorId",
                principalTable: "unscheduled_sas_regulators",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_unscheduled_bookings_unscheduled_sas_regulators_RegulatorId",
                table: "unscheduled_bookings");

            migrationBuilder.DropTable(
                name: "unscheduled_sas_appointments");

            migrationBuilder.DropTable(
                name: "unscheduled_sas_regulators");

            migrationBuilder.DropIndex(
                name: "IX_unscheduled_bookings_RegulatorId",
                table: "unscheduled_bookings");

            migrationBuilder.DropColumn(
                name: "RegulatorId",
                table: "unscheduled_bookings");

            migrationBuilder.DropColumn(
                name: "Finess",
                table: "lifecycle_cpts");
        }
    }
}
