using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ModuleTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Renames only: each table moves to the prefix of the module that owns it (issue 10), with its keys and indexes; no data moves.
            migrationBuilder.RenameTable(name: "community_professionals", newName: "directory_professionals");
            migrationBuilder.Sql("ALTER TABLE \"directory_professionals\" RENAME CONSTRAINT \"PK_community_professionals\" TO \"PK_directory_professionals\";");
            migrationBuilder.RenameIndex(name: "IX_community_professionals_ProfessionCode_LastName", table: "directory_professionals", newName: "IX_directory_professionals_ProfessionCode_LastName");
            migrationBuilder.RenameIndex(name: "IX_community_professionals_Rpps", table: "directory_professionals", newName: "IX_directory_professionals_Rpps");

            migrationBuilder.RenameTable(name: "community_practices", newName: "directory_practices");
            migrationBuilder.Sql("ALTER TABLE \"directory_practices\" RENAME CONSTRAINT \"PK_community_practices\" TO \"PK_directory_practices\";");
            migrationBuilder.Sql("ALTER TABLE \"directory_practices\" RENAME CONSTRAINT \"FK_community_practices_terr_geo_units_CommuneCode\" TO \"FK_directory_practices_terr_geo_units_CommuneCode\";");
            migrationBuilder.Sql("ALTER TABLE \"directory_practices\" RENAME CONSTRAINT \"FK_community_practices_community_professionals_ProfessionalId\" TO \"FK_directory_practices_directory_professionals_ProfessionalId\";");
            migrationBuilder.Sql("ALTER TABLE \"directory_practices\" RENAME CONSTRAINT \"FK_community_practices_community_structures_StructureId\" TO \"FK_directory_practices_directory_structures_StructureId\";");
            migrationBuilder.RenameIndex(name: "IX_community_practices_CommuneCode", table: "directory_practices", newName: "IX_directory_practices_CommuneCode");
            migrationBuilder.RenameIndex(name: "IX_community_practices_ProfessionalId", table: "directory_practices", newName: "IX_directory_practices_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_community_practices_StructureId", table: "directory_practices", newName: "IX_directory_practices_StructureId");

            migrationBuilder.RenameTable(name: "community_structures", newName: "directory_structures");
            migrationBuilder.Sql("ALTER TABLE \"directory_structures\" RENAME CONSTRAINT \"PK_community_structures\" TO \"PK_directory_structures\";");
            migrationBuilder.Sql("ALTER TABLE \"directory_structures\" RENAME CONSTRAINT \"FK_community_structures_terr_geo_units_CommuneCode\" TO \"FK_directory_structures_terr_geo_units_CommuneCode\";");
            migrationBuilder.RenameIndex(name: "IX_community_structures_CommuneCode", table: "directory_structures", newName: "IX_directory_structures_CommuneCode");
            migrationBuilder.RenameIndex(name: "IX_community_structures_Finess", table: "directory_structures", newName: "IX_directory_structures_Finess");
            migrationBuilder.RenameIndex(name: "IX_community_structures_Siret", table: "directory_structures", newName: "IX_directory_structures_Siret");

            migrationBuilder.RenameTable(name: "community_members", newName: "membership_members");
            migrationBuilder.Sql("ALTER TABLE \"membership_members\" RENAME CONSTRAINT \"PK_community_members\" TO \"PK_membership_members\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_members\" RENAME CONSTRAINT \"FK_community_members_lifecycle_cpts_CptsId\" TO \"FK_membership_members_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_members\" RENAME CONSTRAINT \"FK_community_members_community_professionals_ProfessionalId\" TO \"FK_membership_members_directory_professionals_ProfessionalId\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_members\" RENAME CONSTRAINT \"FK_community_members_community_structures_StructureId\" TO \"FK_membership_members_directory_structures_StructureId\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_members\" RENAME CONSTRAINT \"CK_community_members_person_or_structure\" TO \"CK_membership_members_person_or_structure\";");
            migrationBuilder.RenameIndex(name: "IX_community_members_CptsId_ProfessionalId", table: "membership_members", newName: "IX_membership_members_CptsId_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_community_members_CptsId_StructureId", table: "membership_members", newName: "IX_membership_members_CptsId_StructureId");
            migrationBuilder.RenameIndex(name: "IX_community_members_ProfessionalId", table: "membership_members", newName: "IX_membership_members_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_community_members_StructureId", table: "membership_members", newName: "IX_membership_members_StructureId");

            migrationBuilder.RenameTable(name: "community_membership_periods", newName: "membership_periods");
            migrationBuilder.Sql("ALTER TABLE \"membership_periods\" RENAME CONSTRAINT \"PK_community_membership_periods\" TO \"PK_membership_periods\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_periods\" RENAME CONSTRAINT \"FK_community_membership_periods_community_members_MemberId\" TO \"FK_membership_periods_membership_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_community_membership_periods_MemberId_From", table: "membership_periods", newName: "IX_membership_periods_MemberId_From");

            migrationBuilder.RenameTable(name: "community_dues", newName: "membership_dues");
            migrationBuilder.Sql("ALTER TABLE \"membership_dues\" RENAME CONSTRAINT \"PK_community_dues\" TO \"PK_membership_dues\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_dues\" RENAME CONSTRAINT \"FK_community_dues_community_members_MemberId\" TO \"FK_membership_dues_membership_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_community_dues_CptsId_ReceiptNumber", table: "membership_dues", newName: "IX_membership_dues_CptsId_ReceiptNumber");
            migrationBuilder.RenameIndex(name: "IX_community_dues_MemberId_Year", table: "membership_dues", newName: "IX_membership_dues_MemberId_Year");

            migrationBuilder.RenameTable(name: "community_colleges", newName: "membership_colleges");
            migrationBuilder.Sql("ALTER TABLE \"membership_colleges\" RENAME CONSTRAINT \"PK_community_colleges\" TO \"PK_membership_colleges\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_colleges\" RENAME CONSTRAINT \"FK_community_colleges_lifecycle_cpts_CptsId\" TO \"FK_membership_colleges_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_community_colleges_CptsId_Name", table: "membership_colleges", newName: "IX_membership_colleges_CptsId_Name");

            migrationBuilder.RenameTable(name: "community_campaigns", newName: "membership_campaigns");
            migrationBuilder.Sql("ALTER TABLE \"membership_campaigns\" RENAME CONSTRAINT \"PK_community_campaigns\" TO \"PK_membership_campaigns\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_campaigns\" RENAME CONSTRAINT \"FK_community_campaigns_lifecycle_cpts_CptsId\" TO \"FK_membership_campaigns_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_community_campaigns_CptsId_CreatedAt", table: "membership_campaigns", newName: "IX_membership_campaigns_CptsId_CreatedAt");

            migrationBuilder.RenameTable(name: "community_campaign_messages", newName: "membership_campaign_messages");
            migrationBuilder.Sql("ALTER TABLE \"membership_campaign_messages\" RENAME CONSTRAINT \"PK_community_campaign_messages\" TO \"PK_membership_campaign_messages\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_campaign_messages\" RENAME CONSTRAINT \"FK_community_campaign_messages_community_campaigns_CampaignId\" TO \"FK_membership_campaign_messages_membership_campaigns_CampaignId\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_campaign_messages\" RENAME CONSTRAINT \"FK_community_campaign_messages_community_professionals_Profess~\" TO \"FK_membership_campaign_messages_directory_professionals_Profes~\";");
            migrationBuilder.RenameIndex(name: "IX_community_campaign_messages_CampaignId_Email", table: "membership_campaign_messages", newName: "IX_membership_campaign_messages_CampaignId_Email");
            migrationBuilder.RenameIndex(name: "IX_community_campaign_messages_ProfessionalId", table: "membership_campaign_messages", newName: "IX_membership_campaign_messages_ProfessionalId");

            migrationBuilder.RenameTable(name: "community_unsubscriptions", newName: "membership_unsubscriptions");
            migrationBuilder.Sql("ALTER TABLE \"membership_unsubscriptions\" RENAME CONSTRAINT \"PK_community_unsubscriptions\" TO \"PK_membership_unsubscriptions\";");
            migrationBuilder.Sql("ALTER TABLE \"membership_unsubscriptions\" RENAME CONSTRAINT \"FK_community_unsubscriptions_lifecycle_cpts_CptsId\" TO \"FK_membership_unsubscriptions_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_community_unsubscriptions_CptsId_Email", table: "membership_unsubscriptions", newName: "IX_membership_unsubscriptions_CptsId_Email");

            migrationBuilder.RenameTable(name: "community_bodies", newName: "association_bodies");
            migrationBuilder.Sql("ALTER TABLE \"association_bodies\" RENAME CONSTRAINT \"PK_community_bodies\" TO \"PK_association_bodies\";");
            migrationBuilder.Sql("ALTER TABLE \"association_bodies\" RENAME CONSTRAINT \"FK_community_bodies_lifecycle_cpts_CptsId\" TO \"FK_association_bodies_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_community_bodies_CptsId_Kind", table: "association_bodies", newName: "IX_association_bodies_CptsId_Kind");

            migrationBuilder.RenameTable(name: "community_mandates", newName: "association_mandates");
            migrationBuilder.Sql("ALTER TABLE \"association_mandates\" RENAME CONSTRAINT \"PK_community_mandates\" TO \"PK_association_mandates\";");
            migrationBuilder.Sql("ALTER TABLE \"association_mandates\" RENAME CONSTRAINT \"FK_community_mandates_community_bodies_BodyId\" TO \"FK_association_mandates_association_bodies_BodyId\";");
            migrationBuilder.Sql("ALTER TABLE \"association_mandates\" RENAME CONSTRAINT \"FK_community_mandates_community_members_MemberId\" TO \"FK_association_mandates_membership_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_community_mandates_BodyId_From", table: "association_mandates", newName: "IX_association_mandates_BodyId_From");
            migrationBuilder.RenameIndex(name: "IX_community_mandates_CptsId_MemberId", table: "association_mandates", newName: "IX_association_mandates_CptsId_MemberId");
            migrationBuilder.RenameIndex(name: "IX_community_mandates_MemberId", table: "association_mandates", newName: "IX_association_mandates_MemberId");

            migrationBuilder.RenameTable(name: "community_working_groups", newName: "association_working_groups");
            migrationBuilder.Sql("ALTER TABLE \"association_working_groups\" RENAME CONSTRAINT \"PK_community_working_groups\" TO \"PK_association_working_groups\";");
            migrationBuilder.Sql("ALTER TABLE \"association_working_groups\" RENAME CONSTRAINT \"FK_community_working_groups_lifecycle_cpts_CptsId\" TO \"FK_association_working_groups_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_community_working_groups_CptsId_Name", table: "association_working_groups", newName: "IX_association_working_groups_CptsId_Name");

            migrationBuilder.RenameTable(name: "community_working_group_participants", newName: "association_working_group_participants");
            migrationBuilder.Sql("ALTER TABLE \"association_working_group_participants\" RENAME CONSTRAINT \"PK_community_working_group_participants\" TO \"PK_association_working_group_participants\";");
            migrationBuilder.Sql("ALTER TABLE \"association_working_group_participants\" RENAME CONSTRAINT \"FK_community_working_group_participants_community_members_Memb~\" TO \"FK_association_working_group_participants_membership_members_M~\";");
            migrationBuilder.Sql("ALTER TABLE \"association_working_group_participants\" RENAME CONSTRAINT \"FK_community_working_group_participants_community_working_grou~\" TO \"FK_association_working_group_participants_association_working_~\";");
            migrationBuilder.RenameIndex(name: "IX_community_working_group_participants_MemberId", table: "association_working_group_participants", newName: "IX_association_working_group_participants_MemberId");
            migrationBuilder.RenameIndex(name: "IX_community_working_group_participants_WorkingGroupId_MemberId", table: "association_working_group_participants", newName: "IX_association_working_group_participants_WorkingGroupId_Membe~");

            migrationBuilder.RenameTable(name: "community_referents", newName: "association_referents");
            migrationBuilder.Sql("ALTER TABLE \"association_referents\" RENAME CONSTRAINT \"PK_community_referents\" TO \"PK_association_referents\";");
            migrationBuilder.Sql("ALTER TABLE \"association_referents\" RENAME CONSTRAINT \"FK_community_referents_lifecycle_cpts_CptsId\" TO \"FK_association_referents_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"association_referents\" RENAME CONSTRAINT \"FK_community_referents_community_members_MemberId\" TO \"FK_association_referents_membership_members_MemberId\";");
            migrationBuilder.Sql("ALTER TABLE \"association_referents\" RENAME CONSTRAINT \"FK_community_referents_community_working_groups_WorkingGroupId\" TO \"FK_association_referents_association_working_groups_WorkingGro~\";");
            migrationBuilder.Sql("ALTER TABLE \"association_referents\" RENAME CONSTRAINT \"CK_community_referents_profession_or_group\" TO \"CK_association_referents_profession_or_group\";");
            migrationBuilder.RenameIndex(name: "IX_community_referents_CptsId_ProfessionCode", table: "association_referents", newName: "IX_association_referents_CptsId_ProfessionCode");
            migrationBuilder.RenameIndex(name: "IX_community_referents_MemberId", table: "association_referents", newName: "IX_association_referents_MemberId");
            migrationBuilder.RenameIndex(name: "IX_community_referents_WorkingGroupId", table: "association_referents", newName: "IX_association_referents_WorkingGroupId");

            migrationBuilder.RenameTable(name: "community_proposals", newName: "association_proposals");
            migrationBuilder.Sql("ALTER TABLE \"association_proposals\" RENAME CONSTRAINT \"PK_community_proposals\" TO \"PK_association_proposals\";");
            migrationBuilder.Sql("ALTER TABLE \"association_proposals\" RENAME CONSTRAINT \"FK_community_proposals_lifecycle_cpts_CptsId\" TO \"FK_association_proposals_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"association_proposals\" RENAME CONSTRAINT \"FK_community_proposals_community_members_MemberId\" TO \"FK_association_proposals_membership_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_community_proposals_CptsId_Status", table: "association_proposals", newName: "IX_association_proposals_CptsId_Status");
            migrationBuilder.RenameIndex(name: "IX_community_proposals_MemberId", table: "association_proposals", newName: "IX_association_proposals_MemberId");

            migrationBuilder.RenameTable(name: "community_proposal_steps", newName: "association_proposal_steps");
            migrationBuilder.Sql("ALTER TABLE \"association_proposal_steps\" RENAME CONSTRAINT \"PK_community_proposal_steps\" TO \"PK_association_proposal_steps\";");
            migrationBuilder.Sql("ALTER TABLE \"association_proposal_steps\" RENAME CONSTRAINT \"FK_community_proposal_steps_community_proposals_ProposalId\" TO \"FK_association_proposal_steps_association_proposals_ProposalId\";");
            migrationBuilder.RenameIndex(name: "IX_community_proposal_steps_ProposalId_At", table: "association_proposal_steps", newName: "IX_association_proposal_steps_ProposalId_At");

            migrationBuilder.RenameTable(name: "community_meetings", newName: "association_meetings");
            migrationBuilder.Sql("ALTER TABLE \"association_meetings\" RENAME CONSTRAINT \"PK_community_meetings\" TO \"PK_association_meetings\";");
            migrationBuilder.Sql("ALTER TABLE \"association_meetings\" RENAME CONSTRAINT \"FK_community_meetings_community_bodies_BodyId\" TO \"FK_association_meetings_association_bodies_BodyId\";");
            migrationBuilder.RenameIndex(name: "IX_community_meetings_BodyId", table: "association_meetings", newName: "IX_association_meetings_BodyId");
            migrationBuilder.RenameIndex(name: "IX_community_meetings_CptsId_StartsAt", table: "association_meetings", newName: "IX_association_meetings_CptsId_StartsAt");

            migrationBuilder.RenameTable(name: "community_agenda_items", newName: "association_agenda_items");
            migrationBuilder.Sql("ALTER TABLE \"association_agenda_items\" RENAME CONSTRAINT \"PK_community_agenda_items\" TO \"PK_association_agenda_items\";");
            migrationBuilder.Sql("ALTER TABLE \"association_agenda_items\" RENAME CONSTRAINT \"FK_community_agenda_items_community_meetings_MeetingId\" TO \"FK_association_agenda_items_association_meetings_MeetingId\";");
            migrationBuilder.RenameIndex(name: "IX_community_agenda_items_MeetingId_Position", table: "association_agenda_items", newName: "IX_association_agenda_items_MeetingId_Position");

            migrationBuilder.RenameTable(name: "community_attendances", newName: "association_attendances");
            migrationBuilder.Sql("ALTER TABLE \"association_attendances\" RENAME CONSTRAINT \"PK_community_attendances\" TO \"PK_association_attendances\";");
            migrationBuilder.Sql("ALTER TABLE \"association_attendances\" RENAME CONSTRAINT \"FK_community_attendances_community_meetings_MeetingId\" TO \"FK_association_attendances_association_meetings_MeetingId\";");
            migrationBuilder.Sql("ALTER TABLE \"association_attendances\" RENAME CONSTRAINT \"FK_community_attendances_community_members_MemberId\" TO \"FK_association_attendances_membership_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_community_attendances_MeetingId_MemberId", table: "association_attendances", newName: "IX_association_attendances_MeetingId_MemberId");
            migrationBuilder.RenameIndex(name: "IX_community_attendances_MemberId", table: "association_attendances", newName: "IX_association_attendances_MemberId");

            migrationBuilder.RenameTable(name: "community_motions", newName: "association_motions");
            migrationBuilder.Sql("ALTER TABLE \"association_motions\" RENAME CONSTRAINT \"PK_community_motions\" TO \"PK_association_motions\";");
            migrationBuilder.Sql("ALTER TABLE \"association_motions\" RENAME CONSTRAINT \"FK_community_motions_community_meetings_MeetingId\" TO \"FK_association_motions_association_meetings_MeetingId\";");
            migrationBuilder.Sql("ALTER TABLE \"association_motions\" RENAME CONSTRAINT \"FK_community_motions_community_proposals_ProposalId\" TO \"FK_association_motions_association_proposals_ProposalId\";");
            migrationBuilder.RenameIndex(name: "IX_community_motions_MeetingId_Position", table: "association_motions", newName: "IX_association_motions_MeetingId_Position");
            migrationBuilder.RenameIndex(name: "IX_community_motions_ProposalId", table: "association_motions", newName: "IX_association_motions_ProposalId");

            migrationBuilder.RenameTable(name: "community_decisions", newName: "association_decisions");
            migrationBuilder.Sql("ALTER TABLE \"association_decisions\" RENAME CONSTRAINT \"PK_community_decisions\" TO \"PK_association_decisions\";");
            migrationBuilder.Sql("ALTER TABLE \"association_decisions\" RENAME CONSTRAINT \"FK_community_decisions_community_bodies_BodyId\" TO \"FK_association_decisions_association_bodies_BodyId\";");
            migrationBuilder.Sql("ALTER TABLE \"association_decisions\" RENAME CONSTRAINT \"FK_community_decisions_lifecycle_cpts_CptsId\" TO \"FK_association_decisions_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"association_decisions\" RENAME CONSTRAINT \"FK_community_decisions_community_meetings_MeetingId\" TO \"FK_association_decisions_association_meetings_MeetingId\";");
            migrationBuilder.RenameIndex(name: "IX_community_decisions_BodyId", table: "association_decisions", newName: "IX_association_decisions_BodyId");
            migrationBuilder.RenameIndex(name: "IX_community_decisions_CptsId_Number", table: "association_decisions", newName: "IX_association_decisions_CptsId_Number");
            migrationBuilder.RenameIndex(name: "IX_community_decisions_CptsId_Year_Sequence", table: "association_decisions", newName: "IX_association_decisions_CptsId_Year_Sequence");
            migrationBuilder.RenameIndex(name: "IX_community_decisions_MeetingId", table: "association_decisions", newName: "IX_association_decisions_MeetingId");

            migrationBuilder.RenameTable(name: "community_scales", newName: "indemnities_scales");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_scales\" RENAME CONSTRAINT \"PK_community_scales\" TO \"PK_indemnities_scales\";");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_scales\" RENAME CONSTRAINT \"FK_community_scales_lifecycle_cpts_CptsId\" TO \"FK_indemnities_scales_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_community_scales_CptsId_EffectiveFrom", table: "indemnities_scales", newName: "IX_indemnities_scales_CptsId_EffectiveFrom");

            migrationBuilder.RenameTable(name: "community_scale_rates", newName: "indemnities_scale_rates");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_scale_rates\" RENAME CONSTRAINT \"PK_community_scale_rates\" TO \"PK_indemnities_scale_rates\";");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_scale_rates\" RENAME CONSTRAINT \"FK_community_scale_rates_community_scales_ScaleId\" TO \"FK_indemnities_scale_rates_indemnities_scales_ScaleId\";");
            migrationBuilder.RenameIndex(name: "IX_community_scale_rates_ScaleId_Activity_ProfessionCode", table: "indemnities_scale_rates", newName: "IX_indemnities_scale_rates_ScaleId_Activity_ProfessionCode");

            migrationBuilder.RenameTable(name: "community_time_declarations", newName: "indemnities_time_declarations");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_time_declarations\" RENAME CONSTRAINT \"PK_community_time_declarations\" TO \"PK_indemnities_time_declarations\";");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_time_declarations\" RENAME CONSTRAINT \"FK_community_time_declarations_lifecycle_cpts_CptsId\" TO \"FK_indemnities_time_declarations_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_time_declarations\" RENAME CONSTRAINT \"FK_community_time_declarations_community_members_MemberId\" TO \"FK_indemnities_time_declarations_membership_members_MemberId\";");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_time_declarations\" RENAME CONSTRAINT \"FK_community_time_declarations_community_payment_batches_Payme~\" TO \"FK_indemnities_time_declarations_indemnities_payment_batches_P~\";");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_time_declarations\" RENAME CONSTRAINT \"FK_community_time_declarations_community_scales_ScaleId\" TO \"FK_indemnities_time_declarations_indemnities_scales_ScaleId\";");
            migrationBuilder.RenameIndex(name: "IX_community_time_declarations_CptsId_Status", table: "indemnities_time_declarations", newName: "IX_indemnities_time_declarations_CptsId_Status");
            migrationBuilder.RenameIndex(name: "IX_community_time_declarations_MemberId_MissionDate", table: "indemnities_time_declarations", newName: "IX_indemnities_time_declarations_MemberId_MissionDate");
            migrationBuilder.RenameIndex(name: "IX_community_time_declarations_PaymentBatchId", table: "indemnities_time_declarations", newName: "IX_indemnities_time_declarations_PaymentBatchId");
            migrationBuilder.RenameIndex(name: "IX_community_time_declarations_ScaleId", table: "indemnities_time_declarations", newName: "IX_indemnities_time_declarations_ScaleId");

            migrationBuilder.RenameTable(name: "community_payment_batches", newName: "indemnities_payment_batches");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_payment_batches\" RENAME CONSTRAINT \"PK_community_payment_batches\" TO \"PK_indemnities_payment_batches\";");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_payment_batches\" RENAME CONSTRAINT \"FK_community_payment_batches_lifecycle_cpts_CptsId\" TO \"FK_indemnities_payment_batches_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_community_payment_batches_CptsId_Number", table: "indemnities_payment_batches", newName: "IX_indemnities_payment_batches_CptsId_Number");
            migrationBuilder.RenameIndex(name: "IX_community_payment_batches_CptsId_Year_Sequence", table: "indemnities_payment_batches", newName: "IX_indemnities_payment_batches_CptsId_Year_Sequence");

            migrationBuilder.RenameTable(name: "community_profession_notes", newName: "indemnities_profession_notes");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_profession_notes\" RENAME CONSTRAINT \"PK_community_profession_notes\" TO \"PK_indemnities_profession_notes\";");
            migrationBuilder.Sql("ALTER TABLE \"indemnities_profession_notes\" RENAME CONSTRAINT \"FK_community_profession_notes_lifecycle_cpts_CptsId\" TO \"FK_indemnities_profession_notes_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_community_profession_notes_CptsId_ProfessionCode", table: "indemnities_profession_notes", newName: "IX_indemnities_profession_notes_CptsId_ProfessionCode");

            migrationBuilder.RenameTable(name: "terr_cpts_units", newName: "lifecycle_territory_units");
            migrationBuilder.Sql("ALTER TABLE \"lifecycle_territory_units\" RENAME CONSTRAINT \"PK_terr_cpts_units\" TO \"PK_lifecycle_territory_units\";");
            migrationBuilder.Sql("ALTER TABLE \"lifecycle_territory_units\" RENAME CONSTRAINT \"FK_terr_cpts_units_terr_geo_units_Code\" TO \"FK_lifecycle_territory_units_terr_geo_units_Code\";");
            migrationBuilder.Sql("ALTER TABLE \"lifecycle_territory_units\" RENAME CONSTRAINT \"FK_terr_cpts_units_lifecycle_cpts_CptsId\" TO \"FK_lifecycle_territory_units_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "ux_terr_cpts_units_code_exclusive", table: "lifecycle_territory_units", newName: "ux_lifecycle_territory_units_code_exclusive");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "lifecycle_territory_units", newName: "terr_cpts_units");
            migrationBuilder.Sql("ALTER TABLE \"terr_cpts_units\" RENAME CONSTRAINT \"PK_lifecycle_territory_units\" TO \"PK_terr_cpts_units\";");
            migrationBuilder.Sql("ALTER TABLE \"terr_cpts_units\" RENAME CONSTRAINT \"FK_lifecycle_territory_units_terr_geo_units_Code\" TO \"FK_terr_cpts_units_terr_geo_units_Code\";");
            migrationBuilder.Sql("ALTER TABLE \"terr_cpts_units\" RENAME CONSTRAINT \"FK_lifecycle_territory_units_lifecycle_cpts_CptsId\" TO \"FK_terr_cpts_units_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "ux_lifecycle_territory_units_code_exclusive", table: "terr_cpts_units", newName: "ux_terr_cpts_units_code_exclusive");

            migrationBuilder.RenameTable(name: "indemnities_profession_notes", newName: "community_profession_notes");
            migrationBuilder.Sql("ALTER TABLE \"community_profession_notes\" RENAME CONSTRAINT \"PK_indemnities_profession_notes\" TO \"PK_community_profession_notes\";");
            migrationBuilder.Sql("ALTER TABLE \"community_profession_notes\" RENAME CONSTRAINT \"FK_indemnities_profession_notes_lifecycle_cpts_CptsId\" TO \"FK_community_profession_notes_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_indemnities_profession_notes_CptsId_ProfessionCode", table: "community_profession_notes", newName: "IX_community_profession_notes_CptsId_ProfessionCode");

            migrationBuilder.RenameTable(name: "indemnities_payment_batches", newName: "community_payment_batches");
            migrationBuilder.Sql("ALTER TABLE \"community_payment_batches\" RENAME CONSTRAINT \"PK_indemnities_payment_batches\" TO \"PK_community_payment_batches\";");
            migrationBuilder.Sql("ALTER TABLE \"community_payment_batches\" RENAME CONSTRAINT \"FK_indemnities_payment_batches_lifecycle_cpts_CptsId\" TO \"FK_community_payment_batches_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_indemnities_payment_batches_CptsId_Number", table: "community_payment_batches", newName: "IX_community_payment_batches_CptsId_Number");
            migrationBuilder.RenameIndex(name: "IX_indemnities_payment_batches_CptsId_Year_Sequence", table: "community_payment_batches", newName: "IX_community_payment_batches_CptsId_Year_Sequence");

            migrationBuilder.RenameTable(name: "indemnities_time_declarations", newName: "community_time_declarations");
            migrationBuilder.Sql("ALTER TABLE \"community_time_declarations\" RENAME CONSTRAINT \"PK_indemnities_time_declarations\" TO \"PK_community_time_declarations\";");
            migrationBuilder.Sql("ALTER TABLE \"community_time_declarations\" RENAME CONSTRAINT \"FK_indemnities_time_declarations_lifecycle_cpts_CptsId\" TO \"FK_community_time_declarations_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_time_declarations\" RENAME CONSTRAINT \"FK_indemnities_time_declarations_membership_members_MemberId\" TO \"FK_community_time_declarations_community_members_MemberId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_time_declarations\" RENAME CONSTRAINT \"FK_indemnities_time_declarations_indemnities_payment_batches_P~\" TO \"FK_community_time_declarations_community_payment_batches_Payme~\";");
            migrationBuilder.Sql("ALTER TABLE \"community_time_declarations\" RENAME CONSTRAINT \"FK_indemnities_time_declarations_indemnities_scales_ScaleId\" TO \"FK_community_time_declarations_community_scales_ScaleId\";");
            migrationBuilder.RenameIndex(name: "IX_indemnities_time_declarations_CptsId_Status", table: "community_time_declarations", newName: "IX_community_time_declarations_CptsId_Status");
            migrationBuilder.RenameIndex(name: "IX_indemnities_time_declarations_MemberId_MissionDate", table: "community_time_declarations", newName: "IX_community_time_declarations_MemberId_MissionDate");
            migrationBuilder.RenameIndex(name: "IX_indemnities_time_declarations_PaymentBatchId", table: "community_time_declarations", newName: "IX_community_time_declarations_PaymentBatchId");
            migrationBuilder.RenameIndex(name: "IX_indemnities_time_declarations_ScaleId", table: "community_time_declarations", newName: "IX_community_time_declarations_ScaleId");

            migrationBuilder.RenameTable(name: "indemnities_scale_rates", newName: "community_scale_rates");
            migrationBuilder.Sql("ALTER TABLE \"community_scale_rates\" RENAME CONSTRAINT \"PK_indemnities_scale_rates\" TO \"PK_community_scale_rates\";");
            migrationBuilder.Sql("ALTER TABLE \"community_scale_rates\" RENAME CONSTRAINT \"FK_indemnities_scale_rates_indemnities_scales_ScaleId\" TO \"FK_community_scale_rates_community_scales_ScaleId\";");
            migrationBuilder.RenameIndex(name: "IX_indemnities_scale_rates_ScaleId_Activity_ProfessionCode", table: "community_scale_rates", newName: "IX_community_scale_rates_ScaleId_Activity_ProfessionCode");

            migrationBuilder.RenameTable(name: "indemnities_scales", newName: "community_scales");
            migrationBuilder.Sql("ALTER TABLE \"community_scales\" RENAME CONSTRAINT \"PK_indemnities_scales\" TO \"PK_community_scales\";");
            migrationBuilder.Sql("ALTER TABLE \"community_scales\" RENAME CONSTRAINT \"FK_indemnities_scales_lifecycle_cpts_CptsId\" TO \"FK_community_scales_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_indemnities_scales_CptsId_EffectiveFrom", table: "community_scales", newName: "IX_community_scales_CptsId_EffectiveFrom");

            migrationBuilder.RenameTable(name: "association_decisions", newName: "community_decisions");
            migrationBuilder.Sql("ALTER TABLE \"community_decisions\" RENAME CONSTRAINT \"PK_association_decisions\" TO \"PK_community_decisions\";");
            migrationBuilder.Sql("ALTER TABLE \"community_decisions\" RENAME CONSTRAINT \"FK_association_decisions_association_bodies_BodyId\" TO \"FK_community_decisions_community_bodies_BodyId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_decisions\" RENAME CONSTRAINT \"FK_association_decisions_lifecycle_cpts_CptsId\" TO \"FK_community_decisions_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_decisions\" RENAME CONSTRAINT \"FK_association_decisions_association_meetings_MeetingId\" TO \"FK_community_decisions_community_meetings_MeetingId\";");
            migrationBuilder.RenameIndex(name: "IX_association_decisions_BodyId", table: "community_decisions", newName: "IX_community_decisions_BodyId");
            migrationBuilder.RenameIndex(name: "IX_association_decisions_CptsId_Number", table: "community_decisions", newName: "IX_community_decisions_CptsId_Number");
            migrationBuilder.RenameIndex(name: "IX_association_decisions_CptsId_Year_Sequence", table: "community_decisions", newName: "IX_community_decisions_CptsId_Year_Sequence");
            migrationBuilder.RenameIndex(name: "IX_association_decisions_MeetingId", table: "community_decisions", newName: "IX_community_decisions_MeetingId");

            migrationBuilder.RenameTable(name: "association_motions", newName: "community_motions");
            migrationBuilder.Sql("ALTER TABLE \"community_motions\" RENAME CONSTRAINT \"PK_association_motions\" TO \"PK_community_motions\";");
            migrationBuilder.Sql("ALTER TABLE \"community_motions\" RENAME CONSTRAINT \"FK_association_motions_association_meetings_MeetingId\" TO \"FK_community_motions_community_meetings_MeetingId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_motions\" RENAME CONSTRAINT \"FK_association_motions_association_proposals_ProposalId\" TO \"FK_community_motions_community_proposals_ProposalId\";");
            migrationBuilder.RenameIndex(name: "IX_association_motions_MeetingId_Position", table: "community_motions", newName: "IX_community_motions_MeetingId_Position");
            migrationBuilder.RenameIndex(name: "IX_association_motions_ProposalId", table: "community_motions", newName: "IX_community_motions_ProposalId");

            migrationBuilder.RenameTable(name: "association_attendances", newName: "community_attendances");
            migrationBuilder.Sql("ALTER TABLE \"community_attendances\" RENAME CONSTRAINT \"PK_association_attendances\" TO \"PK_community_attendances\";");
            migrationBuilder.Sql("ALTER TABLE \"community_attendances\" RENAME CONSTRAINT \"FK_association_attendances_association_meetings_MeetingId\" TO \"FK_community_attendances_community_meetings_MeetingId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_attendances\" RENAME CONSTRAINT \"FK_association_attendances_membership_members_MemberId\" TO \"FK_community_attendances_community_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_association_attendances_MeetingId_MemberId", table: "community_attendances", newName: "IX_community_attendances_MeetingId_MemberId");
            migrationBuilder.RenameIndex(name: "IX_association_attendances_MemberId", table: "community_attendances", newName: "IX_community_attendances_MemberId");

            migrationBuilder.RenameTable(name: "association_agenda_items", newName: "community_agenda_items");
            migrationBuilder.Sql("ALTER TABLE \"community_agenda_items\" RENAME CONSTRAINT \"PK_association_agenda_items\" TO \"PK_community_agenda_items\";");
            migrationBuilder.Sql("ALTER TABLE \"community_agenda_items\" RENAME CONSTRAINT \"FK_association_agenda_items_association_meetings_MeetingId\" TO \"FK_community_agenda_items_community_meetings_MeetingId\";");
            migrationBuilder.RenameIndex(name: "IX_association_agenda_items_MeetingId_Position", table: "community_agenda_items", newName: "IX_community_agenda_items_MeetingId_Position");

            migrationBuilder.RenameTable(name: "association_meetings", newName: "community_meetings");
            migrationBuilder.Sql("ALTER TABLE \"community_meetings\" RENAME CONSTRAINT \"PK_association_meetings\" TO \"PK_community_meetings\";");
            migrationBuilder.Sql("ALTER TABLE \"community_meetings\" RENAME CONSTRAINT \"FK_association_meetings_association_bodies_BodyId\" TO \"FK_community_meetings_community_bodies_BodyId\";");
            migrationBuilder.RenameIndex(name: "IX_association_meetings_BodyId", table: "community_meetings", newName: "IX_community_meetings_BodyId");
            migrationBuilder.RenameIndex(name: "IX_association_meetings_CptsId_StartsAt", table: "community_meetings", newName: "IX_community_meetings_CptsId_StartsAt");

            migrationBuilder.RenameTable(name: "association_proposal_steps", newName: "community_proposal_steps");
            migrationBuilder.Sql("ALTER TABLE \"community_proposal_steps\" RENAME CONSTRAINT \"PK_association_proposal_steps\" TO \"PK_community_proposal_steps\";");
            migrationBuilder.Sql("ALTER TABLE \"community_proposal_steps\" RENAME CONSTRAINT \"FK_association_proposal_steps_association_proposals_ProposalId\" TO \"FK_community_proposal_steps_community_proposals_ProposalId\";");
            migrationBuilder.RenameIndex(name: "IX_association_proposal_steps_ProposalId_At", table: "community_proposal_steps", newName: "IX_community_proposal_steps_ProposalId_At");

            migrationBuilder.RenameTable(name: "association_proposals", newName: "community_proposals");
            migrationBuilder.Sql("ALTER TABLE \"community_proposals\" RENAME CONSTRAINT \"PK_association_proposals\" TO \"PK_community_proposals\";");
            migrationBuilder.Sql("ALTER TABLE \"community_proposals\" RENAME CONSTRAINT \"FK_association_proposals_lifecycle_cpts_CptsId\" TO \"FK_community_proposals_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_proposals\" RENAME CONSTRAINT \"FK_association_proposals_membership_members_MemberId\" TO \"FK_community_proposals_community_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_association_proposals_CptsId_Status", table: "community_proposals", newName: "IX_community_proposals_CptsId_Status");
            migrationBuilder.RenameIndex(name: "IX_association_proposals_MemberId", table: "community_proposals", newName: "IX_community_proposals_MemberId");

            migrationBuilder.RenameTable(name: "association_referents", newName: "community_referents");
            migrationBuilder.Sql("ALTER TABLE \"community_referents\" RENAME CONSTRAINT \"PK_association_referents\" TO \"PK_community_referents\";");
            migrationBuilder.Sql("ALTER TABLE \"community_referents\" RENAME CONSTRAINT \"FK_association_referents_lifecycle_cpts_CptsId\" TO \"FK_community_referents_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_referents\" RENAME CONSTRAINT \"FK_association_referents_membership_members_MemberId\" TO \"FK_community_referents_community_members_MemberId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_referents\" RENAME CONSTRAINT \"FK_association_referents_association_working_groups_WorkingGro~\" TO \"FK_community_referents_community_working_groups_WorkingGroupId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_referents\" RENAME CONSTRAINT \"CK_association_referents_profession_or_group\" TO \"CK_community_referents_profession_or_group\";");
            migrationBuilder.RenameIndex(name: "IX_association_referents_CptsId_ProfessionCode", table: "community_referents", newName: "IX_community_referents_CptsId_ProfessionCode");
            migrationBuilder.RenameIndex(name: "IX_association_referents_MemberId", table: "community_referents", newName: "IX_community_referents_MemberId");
            migrationBuilder.RenameIndex(name: "IX_association_referents_WorkingGroupId", table: "community_referents", newName: "IX_community_referents_WorkingGroupId");

            migrationBuilder.RenameTable(name: "association_working_group_participants", newName: "community_working_group_participants");
            migrationBuilder.Sql("ALTER TABLE \"community_working_group_participants\" RENAME CONSTRAINT \"PK_association_working_group_participants\" TO \"PK_community_working_group_participants\";");
            migrationBuilder.Sql("ALTER TABLE \"community_working_group_participants\" RENAME CONSTRAINT \"FK_association_working_group_participants_membership_members_M~\" TO \"FK_community_working_group_participants_community_members_Memb~\";");
            migrationBuilder.Sql("ALTER TABLE \"community_working_group_participants\" RENAME CONSTRAINT \"FK_association_working_group_participants_association_working_~\" TO \"FK_community_working_group_participants_community_working_grou~\";");
            migrationBuilder.RenameIndex(name: "IX_association_working_group_participants_MemberId", table: "community_working_group_participants", newName: "IX_community_working_group_participants_MemberId");
            migrationBuilder.RenameIndex(name: "IX_association_working_group_participants_WorkingGroupId_Membe~", table: "community_working_group_participants", newName: "IX_community_working_group_participants_WorkingGroupId_MemberId");

            migrationBuilder.RenameTable(name: "association_working_groups", newName: "community_working_groups");
            migrationBuilder.Sql("ALTER TABLE \"community_working_groups\" RENAME CONSTRAINT \"PK_association_working_groups\" TO \"PK_community_working_groups\";");
            migrationBuilder.Sql("ALTER TABLE \"community_working_groups\" RENAME CONSTRAINT \"FK_association_working_groups_lifecycle_cpts_CptsId\" TO \"FK_community_working_groups_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_association_working_groups_CptsId_Name", table: "community_working_groups", newName: "IX_community_working_groups_CptsId_Name");

            migrationBuilder.RenameTable(name: "association_mandates", newName: "community_mandates");
            migrationBuilder.Sql("ALTER TABLE \"community_mandates\" RENAME CONSTRAINT \"PK_association_mandates\" TO \"PK_community_mandates\";");
            migrationBuilder.Sql("ALTER TABLE \"community_mandates\" RENAME CONSTRAINT \"FK_association_mandates_association_bodies_BodyId\" TO \"FK_community_mandates_community_bodies_BodyId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_mandates\" RENAME CONSTRAINT \"FK_association_mandates_membership_members_MemberId\" TO \"FK_community_mandates_community_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_association_mandates_BodyId_From", table: "community_mandates", newName: "IX_community_mandates_BodyId_From");
            migrationBuilder.RenameIndex(name: "IX_association_mandates_CptsId_MemberId", table: "community_mandates", newName: "IX_community_mandates_CptsId_MemberId");
            migrationBuilder.RenameIndex(name: "IX_association_mandates_MemberId", table: "community_mandates", newName: "IX_community_mandates_MemberId");

            migrationBuilder.RenameTable(name: "association_bodies", newName: "community_bodies");
            migrationBuilder.Sql("ALTER TABLE \"community_bodies\" RENAME CONSTRAINT \"PK_association_bodies\" TO \"PK_community_bodies\";");
            migrationBuilder.Sql("ALTER TABLE \"community_bodies\" RENAME CONSTRAINT \"FK_association_bodies_lifecycle_cpts_CptsId\" TO \"FK_community_bodies_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_association_bodies_CptsId_Kind", table: "community_bodies", newName: "IX_community_bodies_CptsId_Kind");

            migrationBuilder.RenameTable(name: "membership_unsubscriptions", newName: "community_unsubscriptions");
            migrationBuilder.Sql("ALTER TABLE \"community_unsubscriptions\" RENAME CONSTRAINT \"PK_membership_unsubscriptions\" TO \"PK_community_unsubscriptions\";");
            migrationBuilder.Sql("ALTER TABLE \"community_unsubscriptions\" RENAME CONSTRAINT \"FK_membership_unsubscriptions_lifecycle_cpts_CptsId\" TO \"FK_community_unsubscriptions_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_membership_unsubscriptions_CptsId_Email", table: "community_unsubscriptions", newName: "IX_community_unsubscriptions_CptsId_Email");

            migrationBuilder.RenameTable(name: "membership_campaign_messages", newName: "community_campaign_messages");
            migrationBuilder.Sql("ALTER TABLE \"community_campaign_messages\" RENAME CONSTRAINT \"PK_membership_campaign_messages\" TO \"PK_community_campaign_messages\";");
            migrationBuilder.Sql("ALTER TABLE \"community_campaign_messages\" RENAME CONSTRAINT \"FK_membership_campaign_messages_membership_campaigns_CampaignId\" TO \"FK_community_campaign_messages_community_campaigns_CampaignId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_campaign_messages\" RENAME CONSTRAINT \"FK_membership_campaign_messages_directory_professionals_Profes~\" TO \"FK_community_campaign_messages_community_professionals_Profess~\";");
            migrationBuilder.RenameIndex(name: "IX_membership_campaign_messages_CampaignId_Email", table: "community_campaign_messages", newName: "IX_community_campaign_messages_CampaignId_Email");
            migrationBuilder.RenameIndex(name: "IX_membership_campaign_messages_ProfessionalId", table: "community_campaign_messages", newName: "IX_community_campaign_messages_ProfessionalId");

            migrationBuilder.RenameTable(name: "membership_campaigns", newName: "community_campaigns");
            migrationBuilder.Sql("ALTER TABLE \"community_campaigns\" RENAME CONSTRAINT \"PK_membership_campaigns\" TO \"PK_community_campaigns\";");
            migrationBuilder.Sql("ALTER TABLE \"community_campaigns\" RENAME CONSTRAINT \"FK_membership_campaigns_lifecycle_cpts_CptsId\" TO \"FK_community_campaigns_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_membership_campaigns_CptsId_CreatedAt", table: "community_campaigns", newName: "IX_community_campaigns_CptsId_CreatedAt");

            migrationBuilder.RenameTable(name: "membership_colleges", newName: "community_colleges");
            migrationBuilder.Sql("ALTER TABLE \"community_colleges\" RENAME CONSTRAINT \"PK_membership_colleges\" TO \"PK_community_colleges\";");
            migrationBuilder.Sql("ALTER TABLE \"community_colleges\" RENAME CONSTRAINT \"FK_membership_colleges_lifecycle_cpts_CptsId\" TO \"FK_community_colleges_lifecycle_cpts_CptsId\";");
            migrationBuilder.RenameIndex(name: "IX_membership_colleges_CptsId_Name", table: "community_colleges", newName: "IX_community_colleges_CptsId_Name");

            migrationBuilder.RenameTable(name: "membership_dues", newName: "community_dues");
            migrationBuilder.Sql("ALTER TABLE \"community_dues\" RENAME CONSTRAINT \"PK_membership_dues\" TO \"PK_community_dues\";");
            migrationBuilder.Sql("ALTER TABLE \"community_dues\" RENAME CONSTRAINT \"FK_membership_dues_membership_members_MemberId\" TO \"FK_community_dues_community_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_membership_dues_CptsId_ReceiptNumber", table: "community_dues", newName: "IX_community_dues_CptsId_ReceiptNumber");
            migrationBuilder.RenameIndex(name: "IX_membership_dues_MemberId_Year", table: "community_dues", newName: "IX_community_dues_MemberId_Year");

            migrationBuilder.RenameTable(name: "membership_periods", newName: "community_membership_periods");
            migrationBuilder.Sql("ALTER TABLE \"community_membership_periods\" RENAME CONSTRAINT \"PK_membership_periods\" TO \"PK_community_membership_periods\";");
            migrationBuilder.Sql("ALTER TABLE \"community_membership_periods\" RENAME CONSTRAINT \"FK_membership_periods_membership_members_MemberId\" TO \"FK_community_membership_periods_community_members_MemberId\";");
            migrationBuilder.RenameIndex(name: "IX_membership_periods_MemberId_From", table: "community_membership_periods", newName: "IX_community_membership_periods_MemberId_From");

            migrationBuilder.RenameTable(name: "membership_members", newName: "community_members");
            migrationBuilder.Sql("ALTER TABLE \"community_members\" RENAME CONSTRAINT \"PK_membership_members\" TO \"PK_community_members\";");
            migrationBuilder.Sql("ALTER TABLE \"community_members\" RENAME CONSTRAINT \"FK_membership_members_lifecycle_cpts_CptsId\" TO \"FK_community_members_lifecycle_cpts_CptsId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_members\" RENAME CONSTRAINT \"FK_membership_members_directory_professionals_ProfessionalId\" TO \"FK_community_members_community_professionals_ProfessionalId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_members\" RENAME CONSTRAINT \"FK_membership_members_directory_structures_StructureId\" TO \"FK_community_members_community_structures_StructureId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_members\" RENAME CONSTRAINT \"CK_membership_members_person_or_structure\" TO \"CK_community_members_person_or_structure\";");
            migrationBuilder.RenameIndex(name: "IX_membership_members_CptsId_ProfessionalId", table: "community_members", newName: "IX_community_members_CptsId_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_membership_members_CptsId_StructureId", table: "community_members", newName: "IX_community_members_CptsId_StructureId");
            migrationBuilder.RenameIndex(name: "IX_membership_members_ProfessionalId", table: "community_members", newName: "IX_community_members_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_membership_members_StructureId", table: "community_members", newName: "IX_community_members_StructureId");

            migrationBuilder.RenameTable(name: "directory_structures", newName: "community_structures");
            migrationBuilder.Sql("ALTER TABLE \"community_structures\" RENAME CONSTRAINT \"PK_directory_structures\" TO \"PK_community_structures\";");
            migrationBuilder.Sql("ALTER TABLE \"community_structures\" RENAME CONSTRAINT \"FK_directory_structures_terr_geo_units_CommuneCode\" TO \"FK_community_structures_terr_geo_units_CommuneCode\";");
            migrationBuilder.RenameIndex(name: "IX_directory_structures_CommuneCode", table: "community_structures", newName: "IX_community_structures_CommuneCode");
            migrationBuilder.RenameIndex(name: "IX_directory_structures_Finess", table: "community_structures", newName: "IX_community_structures_Finess");
            migrationBuilder.RenameIndex(name: "IX_directory_structures_Siret", table: "community_structures", newName: "IX_community_structures_Siret");

            migrationBuilder.RenameTable(name: "directory_practices", newName: "community_practices");
            migrationBuilder.Sql("ALTER TABLE \"community_practices\" RENAME CONSTRAINT \"PK_directory_practices\" TO \"PK_community_practices\";");
            migrationBuilder.Sql("ALTER TABLE \"community_practices\" RENAME CONSTRAINT \"FK_directory_practices_terr_geo_units_CommuneCode\" TO \"FK_community_practices_terr_geo_units_CommuneCode\";");
            migrationBuilder.Sql("ALTER TABLE \"community_practices\" RENAME CONSTRAINT \"FK_directory_practices_directory_professionals_ProfessionalId\" TO \"FK_community_practices_community_professionals_ProfessionalId\";");
            migrationBuilder.Sql("ALTER TABLE \"community_practices\" RENAME CONSTRAINT \"FK_directory_practices_directory_structures_StructureId\" TO \"FK_community_practices_community_structures_StructureId\";");
            migrationBuilder.RenameIndex(name: "IX_directory_practices_CommuneCode", table: "community_practices", newName: "IX_community_practices_CommuneCode");
            migrationBuilder.RenameIndex(name: "IX_directory_practices_ProfessionalId", table: "community_practices", newName: "IX_community_practices_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_directory_practices_StructureId", table: "community_practices", newName: "IX_community_practices_StructureId");

            migrationBuilder.RenameTable(name: "directory_professionals", newName: "community_professionals");
            migrationBuilder.Sql("ALTER TABLE \"community_professionals\" RENAME CONSTRAINT \"PK_directory_professionals\" TO \"PK_community_professionals\";");
            migrationBuilder.RenameIndex(name: "IX_directory_professionals_ProfessionCode_LastName", table: "community_professionals", newName: "IX_community_professionals_ProfessionCode_LastName");
            migrationBuilder.RenameIndex(name: "IX_directory_professionals_Rpps", table: "community_professionals", newName: "IX_community_professionals_Rpps");
        }
    }
}
