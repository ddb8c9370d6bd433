using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TreatingDoctorDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "treating_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Channels = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiledById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Nir = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    Criteria = table.Column<int>(type: "integer", nullable: false),
                    HomeVisit = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsentVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Notes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReferredToDac = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosingReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnonymisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_treating_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_treating_requests_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "treating_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RuleSetId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DryRun = table.Column<bool>(type: "boolean", nullable: false),
                    Requests = table.Column<int>(type: "integer", nullable: false),
                    Doctors = table.Column<int>(type: "integer", nullable: false),
                    Assigned = table.Column<int>(type: "integer", nullable: false),
                    Objective = table.Column<double>(type: "double precision", nullable: false),
                    ElapsedMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_treating_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_treating_runs_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "treating_volunteers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rpps = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    MonthlyCapacity = table.Column<int>(type: "integer", nullable: false),
                    Accepts = table.Column<int>(type: "integer", nullable: true),
                    HomeVisits = table.Column<bool>(type: "boolean", nullable: false),
                    Beyond = table.Column<bool>(type: "boolean", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_treating_volunteers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_treating_volunteers_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_treating_volunteers_membership_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "membership_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "treating_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CptsId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Level = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Score = table.Column<long>(type: "bigint", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnswerTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_treating_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_treating_proposals_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_treating_proposals_treating_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "treating_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_treating_proposals_treating_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "treating_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_treating_proposals_treating_volunteers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "treating_volunteers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_treating_proposals_CptsId",
                table: "treating_proposals",
                column: "CptsId");

            migrationBuilder.CreateIndex(
                name: "IX_treating_proposals_RunId",
                table: "treating_proposals",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_treating_proposals_VolunteerId_Status",
                table: "treating_proposals",
                columns: new[] { "VolunteerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "ux_treating_proposals_request_live",
                table: "treating_proposals",
                column: "RequestId",
                unique: true,
                filter: "\"Status\" IN ('Draft', 'Sent', 'Accepted')");

            migrationBuilder.CreateIndex(
                name: "IX_treating_requests_CptsId_BirthDate",
                table: "treating_requests",
                columns: new[] { "CptsId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_treating_requests_CptsId_Status",
                table: "treating_requests",
                columns: new[] { "CptsId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_treating_requests_FiledById",
                table: "treating_requests",
                column: "FiledById");

            migrationBuilder.CreateIndex(
                name: "IX_treating_requests_Nir",
                table: "treating_requests",
                column: "Nir");

            migrationBuilder.CreateIndex(
                name: "IX_treating_runs_CptsId_At",
                table: "treating_runs",
                columns: new[] { "CptsId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_treating_volunteers_CptsId_MemberId",
                table: "treating_volunteers",
                columns: new[] { "CptsId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_treating_volunteers_MemberId",
                table: "treating_volunteers",
                column: "MemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "treating_proposals");

            migrationBuilder.DropTable(
                name: "treating_requests");

            migrationBuilder.DropTable(
                name: "treating_runs");

            migrationBuilder.DropTable(
                name: "treating_volunteers");
        }
    }
}
