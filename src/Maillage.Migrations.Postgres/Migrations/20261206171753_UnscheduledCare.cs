using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UnscheduledCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unscheduled_effectors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProfessionCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SpecialtyCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_effectors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unscheduled_effectors_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unscheduled_effectors_membership_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "membership_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unscheduled_places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unscheduled_places_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unscheduled_registrars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_registrars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unscheduled_registrars_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unscheduled_registrars_membership_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "membership_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unscheduled_patterns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    EffectorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Weekdays = table.Column<int>(type: "integer", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    EndTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    SlotMinutes = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_patterns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unscheduled_patterns_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unscheduled_patterns_unscheduled_effectors_EffectorId",
                        column: x => x.EffectorId,
                        principalTable: "unscheduled_effectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unscheduled_patterns_unscheduled_places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "unscheduled_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unscheduled_pattern_absences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatternId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_pattern_absences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unscheduled_pattern_absences_unscheduled_patterns_PatternId",
                        column: x => x.PatternId,
                        principalTable: "unscheduled_patterns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unscheduled_slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    EffectorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    PatternId = table.Column<Guid>(type: "uuid", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unscheduled_slots_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unscheduled_slots_unscheduled_effectors_EffectorId",
                        column: x => x.EffectorId,
                        principalTable: "unscheduled_effectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unscheduled_slots_unscheduled_patterns_PatternId",
                        column: x => x.PatternId,
                        principalTable: "unscheduled_patterns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_unscheduled_slots_unscheduled_places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "unscheduled_places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unscheduled_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientFamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PatientGivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PatientBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PatientPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PatientEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PatientNir = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Origin = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    BookedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BookedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RescheduledFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RedirectedTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OutcomeAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unscheduled_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unscheduled_bookings_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_unscheduled_bookings_unscheduled_slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "unscheduled_slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_bookings_BookedById",
                table: "unscheduled_bookings",
                column: "BookedById");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_bookings_CptsId_BookedAt",
                table: "unscheduled_bookings",
                columns: new[] { "CptsId", "BookedAt" });

            migrationBuilder.CreateIndex(
                name: "ux_unscheduled_bookings_slot_live",
                table: "unscheduled_bookings",
                column: "SlotId",
                unique: true,
                filter: "\"CancelledAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_effectors_CptsId_MemberId",
                table: "unscheduled_effectors",
                columns: new[] { "CptsId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_effectors_MemberId",
                table: "unscheduled_effectors",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_effectors_Rpps",
                table: "unscheduled_effectors",
                column: "Rpps");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_pattern_absences_PatternId",
                table: "unscheduled_pattern_absences",
                column: "PatternId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_patterns_CptsId",
                table: "unscheduled_patterns",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_patterns_EffectorId",
                table: "unscheduled_patterns",
                column: "EffectorId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_patterns_PlaceId",
                table: "unscheduled_patterns",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_places_CptsId_Name",
                table: "unscheduled_places",
                columns: new[] { "CptsId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_registrars_CptsId_MemberId",
                table: "unscheduled_registrars",
                columns: new[] { "CptsId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_registrars_MemberId",
                table: "unscheduled_registrars",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_slots_CptsId_Start",
                table: "unscheduled_slots",
                columns: new[] { "CptsId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_slots_PatternId",
                table: "unscheduled_slots",
                column: "PatternId");

            migrationBuilder.CreateIndex(
                name: "IX_unscheduled_slots_PlaceId",
                table: "unscheduled_slots",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "ux_unscheduled_slots_effector_start_offered",
                table: "unscheduled_slots",
                columns: new[] { "EffectorId", "Start" },
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unscheduled_bookings");

            migrationBuilder.DropTable(
                name: "unscheduled_pattern_absences");

            migrationBuilder.DropTable(
                name: "unscheduled_registrars");

            migrationBuilder.DropTable(
                name: "unscheduled_slots");

            migrationBuilder.DropTable(
                name: "unscheduled_patterns");

            migrationBuilder.DropTable(
                name: "unscheduled_effectors");

            migrationBuilder.DropTable(
                name: "unscheduled_places");
        }
    }
}
