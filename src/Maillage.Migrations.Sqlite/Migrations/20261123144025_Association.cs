using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Association : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MemberId",
                table: "platform_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "community_bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    QuorumPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxProxiesPerHolder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_bodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_bodies_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SegmentProfession = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SegmentCommune = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    SegmentMembership = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_campaigns_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_colleges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_colleges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_colleges_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_payment_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_payment_batches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_payment_batches_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_profession_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_profession_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_profession_notes_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_proposals_community_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "community_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_proposals_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_scales",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_scales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_scales_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_unsubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_unsubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_unsubscriptions_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_working_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_working_groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_working_groups_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_mandates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_mandates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_mandates_community_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "community_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_community_mandates_community_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "community_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Extraordinary = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConvenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConvenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    MinutesApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_meetings_community_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "community_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_campaign_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_campaign_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_campaign_messages_community_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "community_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_community_campaign_messages_community_professionals_ProfessionalId",
                        column: x => x.ProfessionalId,
                        principalTable: "community_professionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "community_proposal_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_proposal_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_proposal_steps_community_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "community_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_scale_rates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScaleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProfessionCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    HourlyRate = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_scale_rates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_scale_rates_community_scales_ScaleId",
                        column: x => x.ScaleId,
                        principalTable: "community_scales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_time_declarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MissionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ScaleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HourlyRate = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    PaymentBatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_time_declarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_time_declarations_community_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "community_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_time_declarations_community_payment_batches_PaymentBatchId",
                        column: x => x.PaymentBatchId,
                        principalTable: "community_payment_batches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_time_declarations_community_scales_ScaleId",
                        column: x => x.ScaleId,
                        principalTable: "community_scales",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_time_declarations_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_referents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfessionCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    WorkingGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_referents", x => x.Id);
                    table.CheckConstraint("CK_community_referents_profession_or_group", "(\"ProfessionCode\" IS NULL) <> (\"WorkingGroupId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_community_referents_community_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "community_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_referents_community_working_groups_WorkingGroupId",
                        column: x => x.WorkingGroupId,
                        principalTable: "community_working_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_community_referents_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_working_group_participants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkingGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_working_group_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_working_group_participants_community_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "community_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_working_group_participants_community_working_groups_WorkingGroupId",
                        column: x => x.WorkingGroupId,
                        principalTable: "community_working_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_agenda_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_agenda_items_community_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "community_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Presence = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProxyHolderId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_attendances_community_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "community_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_community_attendances_community_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "community_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CptsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MotionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_decisions_community_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "community_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_decisions_community_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "community_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_decisions_lifecycle_cpts_CptsId",
                        column: x => x.CptsId,
                        principalTable: "lifecycle_cpts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "community_motions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Majority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    For = table.Column<int>(type: "INTEGER", nullable: true),
                    Against = table.Column<int>(type: "INTEGER", nullable: true),
                    Abstentions = table.Column<int>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    VotedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_motions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_motions_community_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "community_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_community_motions_community_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "community_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_users_MemberId",
                table: "platform_users",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_community_agenda_items_MeetingId_Position",
                table: "community_agenda_items",
                columns: new[] { "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_community_attendances_MeetingId_MemberId",
                table: "community_attendances",
                columns: new[] { "MeetingId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_attendances_MemberId",
                table: "community_attendances",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_community_bodies_CptsId_Kind",
                table: "community_bodies",
                columns: new[] { "CptsId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_campaign_messages_CampaignId_Email",
                table: "community_campaign_messages",
                columns: new[] { "CampaignId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_campaign_messages_ProfessionalId",
                table: "community_campaign_messages",
                column: "ProfessionalId");

            migrationBuilder.CreateIndex(
                name: "IX_community_campaigns_CptsId_CreatedAt",
                table: "community_campaigns",
                columns: new[] { "CptsId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_community_colleges_CptsId_Name",
                table: "community_colleges",
                columns: new[] { "CptsId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_decisions_BodyId",
                table: "community_decisions",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_community_decisions_CptsId_Number",
                table: "community_decisions",
                columns: new[] { "CptsId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_decisions_CptsId_Year_Sequence",
                table: "community_decisions",
                columns: new[] { "CptsId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_decisions_MeetingId",
                table: "community_decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_community_mandates_BodyId_From",
                table: "community_mandates",
                columns: new[] { "BodyId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_community_mandates_CptsId_MemberId",
                table: "community_mandates",
                columns: new[] { "CptsId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_community_mandates_MemberId",
                table: "community_mandates",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_community_meetings_BodyId",
                table: "community_meetings",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_community_meetings_CptsId_StartsAt",
                table: "community_meetings",
                columns: new[] { "CptsId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_community_motions_MeetingId_Position",
                table: "community_motions",
                columns: new[] { "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_community_motions_ProposalId",
                table: "community_motions",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_community_payment_batches_CptsId_Number",
                table: "community_payment_batches",
                columns: new[] { "CptsId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_payment_batches_CptsId_Year_Sequence",
                table: "community_payment_batches",
                columns: new[] { "CptsId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_profession_notes_CptsId_ProfessionCode",
                table: "community_profession_notes",
                columns: new[] { "CptsId", "ProfessionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_proposal_steps_ProposalId_At",
                table: "community_proposal_steps",
                columns: new[] { "ProposalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_community_proposals_CptsId_Status",
                table: "community_proposals",
                columns: new[] { "CptsId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_community_proposals_MemberId",
                table: "community_proposals",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_community_referents_CptsId_ProfessionCode",
                table: "community_referents",
                columns: new[] { "CptsId", "ProfessionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_community_referents_MemberId",
                table: "community_referents",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_community_referents_WorkingGroupId",
                table: "community_referents",
                column: "WorkingGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_community_scale_rates_ScaleId_Activity_ProfessionCode",
                table: "community_scale_rates",
                columns: new[] { "ScaleId", "Activity", "ProfessionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_scales_CptsId_EffectiveFrom",
                table: "community_scales",
                columns: new[] { "CptsId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_time_declarations_CptsId_Status",
                table: "community_time_declarations",
                columns: new[] { "CptsId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_community_time_declarations_MemberId_MissionDate",
                table: "community_time_declarations",
                columns: new[] { "MemberId", "MissionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_community_time_declarations_PaymentBatchId",
                table: "community_time_declarations",
                column: "PaymentBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_community_time_declarations_ScaleId",
                table: "community_time_declarations",
                column: "ScaleId");

            migrationBuilder.CreateIndex(
                name: "IX_community_unsubscriptions_CptsId_Email",
                table: "community_unsubscriptions",
                columns: new[] { "CptsId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_working_group_participants_MemberId",
                table: "community_working_group_participants",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_community_working_group_participants_WorkingGroupId_MemberId",
                table: "community_working_group_participants",
                columns: new[] { "WorkingGroupId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_working_groups_CptsId_Name",
                table: "community_working_groups",
                columns: new[] { "CptsId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_agenda_items");

            migrationBuilder.DropTable(
                name: "community_attendances");

            migrationBuilder.DropTable(
                name: "community_campaign_messages");

            migrationBuilder.DropTable(
                name: "community_colleges");

            migrationBuilder.DropTable(
                name: "community_decisions");

            migrationBuilder.DropTable(
                name: "community_mandates");

            migrationBuilder.DropTable(
                name: "community_motions");

            migrationBuilder.DropTable(
                name: "community_profession_notes");

            migrationBuilder.DropTable(
                name: "community_proposal_steps");

            migrationBuilder.DropTable(
                name: "community_referents");

            migrationBuilder.DropTable(
                name: "community_scale_rates");

            migrationBuilder.DropTable(
                name: "community_time_declarations");

            migrationBuilder.DropTable(
                name: "community_unsubscriptions");

            migrationBuilder.DropTable(
                name: "community_working_group_participants");

            migrationBuilder.DropTable(
                name: "community_campaigns");

            migrationBuilder.DropTable(
                name: "community_meetings");

            migrationBuilder.DropTable(
                name: "community_proposals");

            migrationBuilder.DropTable(
                name: "community_payment_batches");

            migrationBuilder.DropTable(
                name: "community_scales");

            migrationBuilder.DropTable(
                name: "community_working_groups");

            migrationBuilder.DropTable(
                name: "community_bodies");

            migrationBuilder.DropIndex(
                name: "IX_platform_users_MemberId",
                table: "platform_users");

            migrationBuilder.DropColumn(
                name: "MemberId",
                table: "platform_users");
        }
    }
}
