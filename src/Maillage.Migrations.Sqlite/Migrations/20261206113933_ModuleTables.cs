using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Maillage.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ModuleTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Renames only: each table moves to the prefix of the module that owns it (issue 10), with its keys and indexes; no data moves.
            // SQLite keeps the names of primary and foreign keys and checks inside each table's DDL: they are not used by name.
            migrationBuilder.RenameTable(name: "community_professionals", newName: "directory_professionals");
            migrationBuilder.RenameIndex(name: "IX_community_professionals_ProfessionCode_LastName", table: "directory_professionals", newName: "IX_directory_professionals_ProfessionCode_LastName");
            migrationBuilder.RenameIndex(name: "IX_community_professionals_Rpps", table: "directory_professionals", newName: "IX_directory_professionals_Rpps");

            migrationBuilder.RenameTable(name: "community_practices", newName: "directory_practices");
            migrationBuilder.RenameIndex(name: "IX_community_practices_CommuneCode", table: "directory_practices", newName: "IX_directory_practices_CommuneCode");
            migrationBuilder.RenameIndex(name: "IX_community_practices_ProfessionalId", table: "directory_practices", newName: "IX_directory_practices_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_community_practices_StructureId", table: "directory_practices", newName: "IX_directory_practices_StructureId");

            migrationBuilder.RenameTable(name: "community_structures", newName: "directory_structures");
            migrationBuilder.RenameIndex(name: "IX_community_structures_CommuneCode", table: "directory_structures", newName: "IX_directory_structures_CommuneCode");
            migrationBuilder.RenameIndex(name: "IX_community_structures_Finess", table: "directory_structures", newName: "IX_directory_structures_Finess");
            migrationBuilder.RenameIndex(name: "IX_community_structures_Siret", table: "directory_structures", newName: "IX_directory_structures_Siret");

            migrationBuilder.RenameTable(name: "community_members", newName: "membership_members");
            migrationBuilder.RenameIndex(name: "IX_community_members_CptsId_ProfessionalId", table: "membership_members", newName: "IX_membership_members_CptsId_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_community_members_CptsId_StructureId", table: "membership_members", newName: "IX_membership_members_CptsId_StructureId");
            migrationBuilder.RenameIndex(name: "IX_community_members_ProfessionalId", table: "membership_members", newName: "IX_membership_members_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_community_members_StructureId", table: "membership_members", newName: "IX_membership_members_StructureId");

            migrationBuilder.RenameTable(name: "community_membership_periods", newName: "membership_periods");
            migrationBuilder.RenameIndex(name: "IX_community_membership_periods_MemberId_From", table: "membership_periods", newName: "IX_membership_periods_MemberId_From");

            migrationBuilder.RenameTable(name: "community_dues", newName: "membership_dues");
            migrationBuilder.RenameIndex(name: "IX_community_dues_CptsId_ReceiptNumber", table: "membership_dues", newName: "IX_membership_dues_CptsId_ReceiptNumber");
            migrationBuilder.RenameIndex(name: "IX_community_dues_MemberId_Year", table: "membership_dues", newName: "IX_membership_dues_MemberId_Year");

            migrationBuilder.RenameTable(name: "community_colleges", newName: "membership_colleges");
            migrationBuilder.RenameIndex(name: "IX_community_colleges_CptsId_Name", table: "membership_colleges", newName: "IX_membership_colleges_CptsId_Name");

            migrationBuilder.RenameTable(name: "community_campaigns", newName: "membership_campaigns");
            migrationBuilder.RenameIndex(name: "IX_community_campaigns_CptsId_CreatedAt", table: "membership_campaigns", newName: "IX_membership_campaigns_CptsId_CreatedAt");

            migrationBuilder.RenameTable(name: "community_campaign_messages", newName: "membership_campaign_messages");
            migrationBuilder.RenameIndex(name: "IX_community_campaign_messages_CampaignId_Email", table: "membership_campaign_messages", newName: "IX_membership_campaign_messages_CampaignId_Email");
            migrationBuilder.RenameIndex(name: "IX_community_campaign_messages_ProfessionalId", table: "membership_campaign_messages", newName: "IX_membership_campaign_messages_ProfessionalId");

            migrationBuilder.RenameTable(name: "community_unsubscriptions", newName: "membership_unsubscriptions");
            migrationBuilder.RenameIndex(name: "IX_community_unsubscriptions_CptsId_Email", table: "membership_unsubscriptions", newName: "IX_membership_unsubscriptions_CptsId_Email");

            migrationBuilder.RenameTable(name: "community_bodies", newName: "association_bodies");
            migrationBuilder.RenameIndex(name: "IX_community_bodies_CptsId_Kind", table: "association_bodies", newName: "IX_association_bodies_CptsId_Kind");

            migrationBuilder.RenameTable(name: "community_mandates", newName: "association_mandates");
            migrationBuilder.RenameIndex(name: "IX_community_mandates_BodyId_From", table: "association_mandates", newName: "IX_association_mandates_BodyId_From");
            migrationBuilder.RenameIndex(name: "IX_community_mandates_CptsId_MemberId", table: "association_mandates", newName: "IX_association_mandates_CptsId_MemberId");
            migrationBuilder.RenameIndex(name: "IX_community_mandates_MemberId", table: "association_mandates", newName: "IX_association_mandates_MemberId");

            migrationBuilder.RenameTable(name: "community_working_groups", newName: "association_working_groups");
            migrationBuilder.RenameIndex(name: "IX_community_working_groups_CptsId_Name", table: "association_working_groups", newName: "IX_association_working_groups_CptsId_Name");

            migrationBuilder.RenameTable(name: "community_working_group_participants", newName: "association_working_group_participants");
            migrationBuilder.RenameIndex(name: "IX_community_working_group_participants_MemberId", table: "association_working_group_participants", newName: "IX_association_working_group_participants_MemberId");
            migrationBuilder.RenameIndex(name: "IX_community_working_group_participants_WorkingGroupId_MemberId", table: "association_working_group_participants", newName: "IX_association_working_group_participants_WorkingGroupId_MemberId");

            migrationBuilder.RenameTable(name: "community_referents", newName: "association_referents");
            migrationBuilder.RenameIndex(name: "IX_community_referents_CptsId_ProfessionCode", table: "association_referents", newName: "IX_association_referents_CptsId_ProfessionCode");
            migrationBuilder.RenameIndex(name: "IX_community_referents_MemberId", table: "association_referents", newName: "IX_association_referents_MemberId");
            migrationBuilder.RenameIndex(name: "IX_community_referents_WorkingGroupId", table: "association_referents", newName: "IX_association_referents_WorkingGroupId");

            migrationBuilder.RenameTable(name: "community_proposals", newName: "association_proposals");
            migrationBuilder.RenameIndex(name: "IX_community_proposals_CptsId_Status", table: "association_proposals", newName: "IX_association_proposals_CptsId_Status");
            migrationBuilder.RenameIndex(name: "IX_community_proposals_MemberId", table: "association_proposals", newName: "IX_association_proposals_MemberId");

            migrationBuilder.RenameTable(name: "community_proposal_steps", newName: "association_proposal_steps");
            migrationBuilder.RenameIndex(name: "IX_community_proposal_steps_ProposalId_At", table: "association_proposal_steps", newName: "IX_association_proposal_steps_ProposalId_At");

            migrationBuilder.RenameTable(name: "community_meetings", newName: "association_meetings");
            migrationBuilder.RenameIndex(name: "IX_community_meetings_BodyId", table: "association_meetings", newName: "IX_association_meetings_BodyId");
            migrationBuilder.RenameIndex(name: "IX_community_meetings_CptsId_StartsAt", table: "association_meetings", newName: "IX_association_meetings_CptsId_StartsAt");

            migrationBuilder.RenameTable(name: "community_agenda_items", newName: "association_agenda_items");
            migrationBuilder.RenameIndex(name: "IX_community_agenda_items_MeetingId_Position", table: "association_agenda_items", newName: "IX_association_agenda_items_MeetingId_Position");

            migrationBuilder.RenameTable(name: "community_attendances", newName: "association_attendances");
            migrationBuilder.RenameIndex(name: "IX_community_attendances_MeetingId_MemberId", table: "association_attendances", newName: "IX_association_attendances_MeetingId_MemberId");
            migrationBuilder.RenameIndex(name: "IX_community_attendances_MemberId", table: "association_attendances", newName: "IX_association_attendances_MemberId");

            migrationBuilder.RenameTable(name: "community_motions", newName: "association_motions");
            migrationBuilder.RenameIndex(name: "IX_community_motions_MeetingId_Position", table: "association_motions", newName: "IX_association_motions_MeetingId_Position");
            migrationBuilder.RenameIndex(name: "IX_community_motions_ProposalId", table: "association_motions", newName: "IX_association_motions_ProposalId");

            migrationBuilder.RenameTable(name: "community_decisions", newName: "association_decisions");
            migrationBuilder.RenameIndex(name: "IX_community_decisions_BodyId", table: "association_decisions", newName: "IX_association_decisions_BodyId");
            migrationBuilder.RenameIndex(name: "IX_community_decisions_CptsId_Number", table: "association_decisions", newName: "IX_association_decisions_CptsId_Number");
            migrationBuilder.RenameIndex(name: "IX_community_decisions_CptsId_Year_Sequence", table: "association_decisions", newName: "IX_association_decisions_CptsId_Year_Sequence");
            migrationBuilder.RenameIndex(name: "IX_community_decisions_MeetingId", table: "association_decisions", newName: "IX_association_decisions_MeetingId");

            migrationBuilder.RenameTable(name: "community_scales", newName: "indemnities_scales");
            migrationBuilder.RenameIndex(name: "IX_community_scales_CptsId_EffectiveFrom", table: "indemnities_scales", newName: "IX_indemnities_scales_CptsId_EffectiveFrom");

            migrationBuilder.RenameTable(name: "community_scale_rates", newName: "indemnities_scale_rates");
            migrationBuilder.RenameIndex(name: "IX_community_scale_rates_ScaleId_Activity_ProfessionCode", table: "indemnities_scale_rates", newName: "IX_indemnities_scale_rates_ScaleId_Activity_ProfessionCode");

            migrationBuilder.RenameTable(name: "community_time_declarations", newName: "indemnities_time_declarations");
            migrationBuilder.RenameIndex(name: "IX_community_time_declarations_CptsId_Status", table: "indemnities_time_declarations", newName: "IX_indemnities_time_declarations_CptsId_Status");
            migrationBuilder.RenameIndex(name: "IX_community_time_declarations_MemberId_MissionDate", table: "indemnities_time_declarations", newName: "IX_indemnities_time_declarations_MemberId_MissionDate");
            migrationBuilder.RenameIndex(name: "IX_community_time_declarations_PaymentBatchId", table: "indemnities_time_declarations", newName: "IX_indemnities_time_declarations_PaymentBatchId");
            migrationBuilder.RenameIndex(name: "IX_community_time_declarations_ScaleId", table: "indemnities_time_declarations", newName: "IX_indemnities_time_declarations_ScaleId");

            migrationBuilder.RenameTable(name: "community_payment_batches", newName: "indemnities_payment_batches");
            migrationBuilder.RenameIndex(name: "IX_community_payment_batches_CptsId_Number", table: "indemnities_payment_batches", newName: "IX_indemnities_payment_batches_CptsId_Number");
            migrationBuilder.RenameIndex(name: "IX_community_payment_batches_CptsId_Year_Sequence", table: "indemnities_payment_batches", newName: "IX_indemnities_payment_batches_CptsId_Year_Sequence");

            migrationBuilder.RenameTable(name: "community_profession_notes", newName: "indemnities_profession_notes");
            migrationBuilder.RenameIndex(name: "IX_community_profession_notes_CptsId_ProfessionCode", table: "indemnities_profession_notes", newName: "IX_indemnities_profession_notes_CptsId_ProfessionCode");

            migrationBuilder.RenameTable(name: "terr_cpts_units", newName: "lifecycle_territory_units");
            migrationBuilder.RenameIndex(name: "ux_terr_cpts_units_code_exclusive", table: "lifecycle_territory_units", newName: "ux_lifecycle_territory_units_code_exclusive");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "lifecycle_territory_units", newName: "terr_cpts_units");
            migrationBuilder.RenameIndex(name: "ux_lifecycle_territory_units_code_exclusive", table: "terr_cpts_units", newName: "ux_terr_cpts_units_code_exclusive");

            migrationBuilder.RenameTable(name: "indemnities_profession_notes", newName: "community_profession_notes");
            migrationBuilder.RenameIndex(name: "IX_indemnities_profession_notes_CptsId_ProfessionCode", table: "community_profession_notes", newName: "IX_community_profession_notes_CptsId_ProfessionCode");

            migrationBuilder.RenameTable(name: "indemnities_payment_batches", newName: "community_payment_batches");
            migrationBuilder.RenameIndex(name: "IX_indemnities_payment_batches_CptsId_Number", table: "community_payment_batches", newName: "IX_community_payment_batches_CptsId_Number");
            migrationBuilder.RenameIndex(name: "IX_indemnities_payment_batches_CptsId_Year_Sequence", table: "community_payment_batches", newName: "IX_community_payment_batches_CptsId_Year_Sequence");

            migrationBuilder.RenameTable(name: "indemnities_time_declarations", newName: "community_time_declarations");
            migrationBuilder.RenameIndex(name: "IX_indemnities_time_declarations_CptsId_Status", table: "community_time_declarations", newName: "IX_community_time_declarations_CptsId_Status");
            migrationBuilder.RenameIndex(name: "IX_indemnities_time_declarations_MemberId_MissionDate", table: "community_time_declarations", newName: "IX_community_time_declarations_MemberId_MissionDate");
            migrationBuilder.RenameIndex(name: "IX_indemnities_time_declarations_PaymentBatchId", table: "community_time_declarations", newName: "IX_community_time_declarations_PaymentBatchId");
            migrationBuilder.RenameIndex(name: "IX_indemnities_time_declarations_ScaleId", table: "community_time_declarations", newName: "IX_community_time_declarations_ScaleId");

            migrationBuilder.RenameTable(name: "indemnities_scale_rates", newName: "community_scale_rates");
            migrationBuilder.RenameIndex(name: "IX_indemnities_scale_rates_ScaleId_Activity_ProfessionCode", table: "community_scale_rates", newName: "IX_community_scale_rates_ScaleId_Activity_ProfessionCode");

            migrationBuilder.RenameTable(name: "indemnities_scales", newName: "community_scales");
            migrationBuilder.RenameIndex(name: "IX_indemnities_scales_CptsId_EffectiveFrom", table: "community_scales", newName: "IX_community_scales_CptsId_EffectiveFrom");

            migrationBuilder.RenameTable(name: "association_decisions", newName: "community_decisions");
            migrationBuilder.RenameIndex(name: "IX_association_decisions_BodyId", table: "community_decisions", newName: "IX_community_decisions_BodyId");
            migrationBuilder.RenameIndex(name: "IX_association_decisions_CptsId_Number", table: "community_decisions", newName: "IX_community_decisions_CptsId_Number");
            migrationBuilder.RenameIndex(name: "IX_association_decisions_CptsId_Year_Sequence", table: "community_decisions", newName: "IX_community_decisions_CptsId_Year_Sequence");
            migrationBuilder.RenameIndex(name: "IX_association_decisions_MeetingId", table: "community_decisions", newName: "IX_community_decisions_MeetingId");

            migrationBuilder.RenameTable(name: "association_motions", newName: "community_motions");
            migrationBuilder.RenameIndex(name: "IX_association_motions_MeetingId_Position", table: "community_motions", newName: "IX_community_motions_MeetingId_Position");
            migrationBuilder.RenameIndex(name: "IX_association_motions_ProposalId", table: "community_motions", newName: "IX_community_motions_ProposalId");

            migrationBuilder.RenameTable(name: "association_attendances", newName: "community_attendances");
            migrationBuilder.RenameIndex(name: "IX_association_attendances_MeetingId_MemberId", table: "community_attendances", newName: "IX_community_attendances_MeetingId_MemberId");
            migrationBuilder.RenameIndex(name: "IX_association_attendances_MemberId", table: "community_attendances", newName: "IX_community_attendances_MemberId");

            migrationBuilder.RenameTable(name: "association_agenda_items", newName: "community_agenda_items");
            migrationBuilder.RenameIndex(name: "IX_association_agenda_items_MeetingId_Position", table: "community_agenda_items", newName: "IX_community_agenda_items_MeetingId_Position");

            migrationBuilder.RenameTable(name: "association_meetings", newName: "community_meetings");
            migrationBuilder.RenameIndex(name: "IX_association_meetings_BodyId", table: "community_meetings", newName: "IX_community_meetings_BodyId");
            migrationBuilder.RenameIndex(name: "IX_association_meetings_CptsId_StartsAt", table: "community_meetings", newName: "IX_community_meetings_CptsId_StartsAt");

            migrationBuilder.RenameTable(name: "association_proposal_steps", newName: "community_proposal_steps");
            migrationBuilder.RenameIndex(name: "IX_association_proposal_steps_ProposalId_At", table: "community_proposal_steps", newName: "IX_community_proposal_steps_ProposalId_At");

            migrationBuilder.RenameTable(name: "association_proposals", newName: "community_proposals");
            migrationBuilder.RenameIndex(name: "IX_association_proposals_CptsId_Status", table: "community_proposals", newName: "IX_community_proposals_CptsId_Status");
            migrationBuilder.RenameIndex(name: "IX_association_proposals_MemberId", table: "community_proposals", newName: "IX_community_proposals_MemberId");

            migrationBuilder.RenameTable(name: "association_referents", newName: "community_referents");
            migrationBuilder.RenameIndex(name: "IX_association_referents_CptsId_ProfessionCode", table: "community_referents", newName: "IX_community_referents_CptsId_ProfessionCode");
            migrationBuilder.RenameIndex(name: "IX_association_referents_MemberId", table: "community_referents", newName: "IX_community_referents_MemberId");
            migrationBuilder.RenameIndex(name: "IX_association_referents_WorkingGroupId", table: "community_referents", newName: "IX_community_referents_WorkingGroupId");

            migrationBuilder.RenameTable(name: "association_working_group_participants", newName: "community_working_group_participants");
            migrationBuilder.RenameIndex(name: "IX_association_working_group_participants_MemberId", table: "community_working_group_participants", newName: "IX_community_working_group_participants_MemberId");
            migrationBuilder.RenameIndex(name: "IX_association_working_group_participants_WorkingGroupId_MemberId", table: "community_working_group_participants", newName: "IX_community_working_group_participants_WorkingGroupId_MemberId");

            migrationBuilder.RenameTable(name: "association_working_groups", newName: "community_working_groups");
            migrationBuilder.RenameIndex(name: "IX_association_working_groups_CptsId_Name", table: "community_working_groups", newName: "IX_community_working_groups_CptsId_Name");

            migrationBuilder.RenameTable(name: "association_mandates", newName: "community_mandates");
            migrationBuilder.RenameIndex(name: "IX_association_mandates_BodyId_From", table: "community_mandates", newName: "IX_community_mandates_BodyId_From");
            migrationBuilder.RenameIndex(name: "IX_association_mandates_CptsId_MemberId", table: "community_mandates", newName: "IX_community_mandates_CptsId_MemberId");
            migrationBuilder.RenameIndex(name: "IX_association_mandates_MemberId", table: "community_mandates", newName: "IX_community_mandates_MemberId");

            migrationBuilder.RenameTable(name: "association_bodies", newName: "community_bodies");
            migrationBuilder.RenameIndex(name: "IX_association_bodies_CptsId_Kind", table: "community_bodies", newName: "IX_community_bodies_CptsId_Kind");

            migrationBuilder.RenameTable(name: "membership_unsubscriptions", newName: "community_unsubscriptions");
            migrationBuilder.RenameIndex(name: "IX_membership_unsubscriptions_CptsId_Email", table: "community_unsubscriptions", newName: "IX_community_unsubscriptions_CptsId_Email");

            migrationBuilder.RenameTable(name: "membership_campaign_messages", newName: "community_campaign_messages");
            migrationBuilder.RenameIndex(name: "IX_membership_campaign_messages_CampaignId_Email", table: "community_campaign_messages", newName: "IX_community_campaign_messages_CampaignId_Email");
            migrationBuilder.RenameIndex(name: "IX_membership_campaign_messages_ProfessionalId", table: "community_campaign_messages", newName: "IX_community_campaign_messages_ProfessionalId");

            migrationBuilder.RenameTable(name: "membership_campaigns", newName: "community_campaigns");
            migrationBuilder.RenameIndex(name: "IX_membership_campaigns_CptsId_CreatedAt", table: "community_campaigns", newName: "IX_community_campaigns_CptsId_CreatedAt");

            migrationBuilder.RenameTable(name: "membership_colleges", newName: "community_colleges");
            migrationBuilder.RenameIndex(name: "IX_membership_colleges_CptsId_Name", table: "community_colleges", newName: "IX_community_colleges_CptsId_Name");

            migrationBuilder.RenameTable(name: "membership_dues", newName: "community_dues");
            migrationBuilder.RenameIndex(name: "IX_membership_dues_CptsId_ReceiptNumber", table: "community_dues", newName: "IX_community_dues_CptsId_ReceiptNumber");
            migrationBuilder.RenameIndex(name: "IX_membership_dues_MemberId_Year", table: "community_dues", newName: "IX_community_dues_MemberId_Year");

            migrationBuilder.RenameTable(name: "membership_periods", newName: "community_membership_periods");
            migrationBuilder.RenameIndex(name: "IX_membership_periods_MemberId_From", table: "community_membership_periods", newName: "IX_community_membership_periods_MemberId_From");

            migrationBuilder.RenameTable(name: "membership_members", newName: "community_members");
            migrationBuilder.RenameIndex(name: "IX_membership_members_CptsId_ProfessionalId", table: "community_members", newName: "IX_community_members_CptsId_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_membership_members_CptsId_StructureId", table: "community_members", newName: "IX_community_members_CptsId_StructureId");
            migrationBuilder.RenameIndex(name: "IX_membership_members_ProfessionalId", table: "community_members", newName: "IX_community_members_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_membership_members_StructureId", table: "community_members", newName: "IX_community_members_StructureId");

            migrationBuilder.RenameTable(name: "directory_structures", newName: "community_structures");
            migrationBuilder.RenameIndex(name: "IX_directory_structures_CommuneCode", table: "community_structures", newName: "IX_community_structures_CommuneCode");
            migrationBuilder.RenameIndex(name: "IX_directory_structures_Finess", table: "community_structures", newName: "IX_community_structures_Finess");
            migrationBuilder.RenameIndex(name: "IX_directory_structures_Siret", table: "community_structures", newName: "IX_community_structures_Siret");

            migrationBuilder.RenameTable(name: "directory_practices", newName: "community_practices");
            migrationBuilder.RenameIndex(name: "IX_directory_practices_CommuneCode", table: "community_practices", newName: "IX_community_practices_CommuneCode");
            migrationBuilder.RenameIndex(name: "IX_directory_practices_ProfessionalId", table: "community_practices", newName: "IX_community_practices_ProfessionalId");
            migrationBuilder.RenameIndex(name: "IX_directory_practices_StructureId", table: "community_practices", newName: "IX_community_practices_StructureId");

            migrationBuilder.RenameTable(name: "directory_professionals", newName: "community_professionals");
            migrationBuilder.RenameIndex(name: "IX_directory_professionals_ProfessionCode_LastName", table: "community_professionals", newName: "IX_community_professionals_ProfessionCode_LastName");
            migrationBuilder.RenameIndex(name: "IX_directory_professionals_Rpps", table: "community_professionals", newName: "IX_community_professionals_Rpps");
        }
    }
}
