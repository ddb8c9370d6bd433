using Maillage.Membership;
using Maillage.Membership.Campaigns;
using Maillage.Platform.Mail;
using MailKit.Security;
using Maillage.Membership.Published;

namespace Maillage.Tests.Membership;

/// <summary>Who a campaign reaches, what its messages carry, how the mail transport is configured, and the college rules.</summary>
public sealed class CampaignRulesTests
{
    [Theory]
    [InlineData(SegmentMembership.All, null, true)]
    [InlineData(SegmentMembership.All, MembershipStatus.Active, true)]
    [InlineData(SegmentMembership.Members, MembershipStatus.Member, true)]
    [InlineData(SegmentMembership.Members, MembershipStatus.Active, true)]
    [InlineData(SegmentMembership.Members, MembershipStatus.Prospect, false)]
    [InlineData(SegmentMembership.Members, MembershipStatus.Former, false)]
    [InlineData(SegmentMembership.Members, null, false)]
    [InlineData(SegmentMembership.NonMembers, null, true)]
    [InlineData(SegmentMembership.NonMembers, MembershipStatus.Prospect, true)]
    [InlineData(SegmentMembership.NonMembers, MembershipStatus.Former, true)]
    [InlineData(SegmentMembership.NonMembers, MembershipStatus.Member, false)]
    [InlineData(SegmentMembership.NonMembers, MembershipStatus.Active, false)]
    public void Members_are_member_or_active_and_non_members_are_the_others(SegmentMembership membership, MembershipStatus? status, bool included) =>
        Assert.Equal(included, SegmentRules.Includes(membership, status));

    [Fact]
    public void Recipients_are_lower_cased_once_per_address_without_blank_ones_in_address_order()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var recipients = SegmentRules.Select(
        [
            new SegmentCandidate(a, " Zoe@Cabinet.example ", null),
            new SegmentCandidate(b, "zoe@cabinet.example", MembershipStatus.Former),
            new SegmentCandidate(c, "  ", null),
            new SegmentCandidate(d, "anne@cabinet.example", MembershipStatus.Member),
        ], SegmentMembership.NonMembers);

        var only = Assert.Single(recipients);
        Assert.Equal("zoe@cabinet.example", only.Email);
        Assert.Equal(a.CompareTo(b) < 0 ? a : b, only.ProfessionalId);
        Assert.Equal(["anne@cabinet.example", "zoe@cabinet.example"],
            SegmentRules.Select([new(a, "zoe@cabinet.example", null), new(d, "Anne@cabinet.example", null)], SegmentMembership.All).Select(r => r.Email));
    }

    [Theory]
    [InlineData(null, SegmentMembership.NonMembers)]
    [InlineData("all", SegmentMembership.All)]
    [InlineData("Members", SegmentMembership.Members)]
    [InlineData("non-members", SegmentMembership.NonMembers)]
    [InlineData("non_members", SegmentMembership.NonMembers)]
    public void Memberships_are_read_as_the_api_writes_them(string? text, SegmentMembership expected) =>
        Assert.Equal(expected, SegmentRules.ParseMembership(text).Value);

    [Theory]
    [InlineData("adherents")]
    [InlineData("1")]
    public void An_unknown_membership_is_refused_in_french(string text)
    {
        var result = SegmentRules.ParseMembership(text);
        Assert.Equal("membership", Assert.Single(result.Errors).Field);
        Assert.Contains("inconnue", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_carries_the_body_a_french_footer_with_the_link_and_the_list_unsubscribe_headers()
    {
        var cpts = new Maillage.Lifecycle.Published.CptsInfo(Guid.NewGuid(), "CPTS du Vendômois", Maillage.Lifecycle.Published.Stage.AciSigned, 0, 1, "",
            ["41"], ["24"], null, null, "contact@cpts.example", null, Maillage.Platform.Time.LocalClock.Paris);
        var campaign = new Campaign { Subject = "Rejoignez la CPTS", Body = "Bonjour,\nnous vous invitons." };
        const string link = "https://maillage.example/desinscription?t=abc";

        var message = CampaignMail.Build(campaign, cpts, new MimeKit.MailboxAddress("", "envoi@maillage.example"), "anne@cabinet.example", link,
            new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal("anne@cabinet.example", message.To.Mailboxes.Single().Address);
        Assert.Equal(("CPTS du Vendômois", "envoi@maillage.example"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Equal("contact@cpts.example", message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal($"<{link}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("Bonjour,\nnous vous invitons.\n\n-- \n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pour ne plus recevoir ses messages : " + link, message.TextBody, StringComparison.Ordinal);
        Assert.Throws<MimeKit.ParseException>(() => CampaignMail.Build(campaign, cpts, new MimeKit.MailboxAddress("", "e@x.example"), "pas une adresse", link,
            DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void The_mail_setting_reads_smtp_with_its_options_and_pickup_directories_from_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "maillage-root");
        var pickup = MailSetting.Parse(null, null, root);
        Assert.Equal((MailTransportKind.Pickup, Path.Combine(root, "data", "mail-outbox")), (pickup.Kind, pickup.Target));
        Assert.Equal(MailSetting.DefaultFrom, pickup.From.Address);
        Assert.IsType<PickupMailTransport>(pickup.CreateTransport(TimeProvider.System));

        var smtp = MailSetting.Parse("smtp://mail.example:2525?user=cpts&password=s%C3%A9cret&tls=starttls", "CPTS <envoi@cpts.example>", root);
        Assert.Equal((MailTransportKind.Smtp, "mail.example", 2525, "cpts", "sécret", SecureSocketOptions.StartTls),
            (smtp.Kind, smtp.Target, smtp.Port, smtp.User, smtp.Password, smtp.Security));
        Assert.Equal("envoi@cpts.example", smtp.From.Address);
        Assert.DoesNotContain("sécret", smtp.ToString(), StringComparison.Ordinal);
        var ssl = MailSetting.Parse("smtp://mail.example?tls=ssl", null, root);
        Assert.Equal((465, SecureSocketOptions.SslOnConnect), (ssl.Port, ssl.Security));
        var plain = MailSetting.Parse("smtp://mail.example?tls=none", null, root);
        Assert.Equal((25, SecureSocketOptions.None, (string?)null), (plain.Port, plain.Security, plain.User));

        Assert.Throws<FormatException>(() => MailSetting.Parse("smtp://mail.example?tls=maybe", null, root));
        Assert.Throws<FormatException>(() => MailSetting.Parse("sendmail", null, root));
        Assert.Throws<FormatException>(() => MailSetting.Parse("pickup:", null, root));
        Assert.Throws<FormatException>(() => MailSetting.Parse(null, "pas une adresse", root));
    }

    [Fact]
    public void A_college_is_found_whatever_its_case_and_its_name_is_checked()
    {
        string[] colleges = ["Médecins", "Structures"];
        Assert.Equal("Médecins", CollegeRules.Match(colleges, "  MÉDECINS "));
        Assert.Null(CollegeRules.Match(colleges, "Usagers"));
        Assert.Null(CollegeRules.Match(colleges, " "));

        Assert.Empty(CollegeRules.Check(new CollegeInput("Usagers", "Associations de patients", 2)));
        Assert.Equal(["name"], CollegeRules.Check(new CollegeInput("  ")).Select(e => e.Field));
        Assert.Equal(["name", "description", "position"],
            CollegeRules.Check(new CollegeInput(new string('x', 101), new string('y', 501), -1)).Select(e => e.Field));
    }
}
