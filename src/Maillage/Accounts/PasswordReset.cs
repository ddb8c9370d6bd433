using System.Text;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Mail;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using MimeKit;

namespace Maillage.Accounts;

/// <summary>
/// « Mot de passe oublié » and the administrator's « envoyer un lien » : a reset link carrying Identity's reset token (valid one day, made
/// void by the reset itself since it changes the security stamp) is mailed to the account's address. Whoever asks gets the same answer
/// whether or not the address has an account (<see cref="Answer"/>): nothing tells an address with an account from one without. A disabled
/// account gets no link. Every step is audited by account id, never by address.
/// </summary>
public sealed class PasswordReset(UserManager<MaillageUser> users, IMailTransport transport, MailSetting mail, AuditTrail audit, MaillageDbContext db)
{
    /// <summary>The one answer to a request, whatever the address.</summary>
    public const string Answer = "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé.";

    public const string Subject = "Maillage : choisir un nouveau mot de passe";

    /// <summary>
    /// Mails a reset link to the account of <paramref name="email"/> when there is one (and it is not disabled); <paramref name="link"/> turns
    /// the account id and the URL-safe token into the absolute address of the page that sets the password.
    /// </summary>
    public async Task RequestAsync(string? email, Func<string, string, string> link, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled() || string.IsNullOrEmpty(user.Email))
        {
            return;
        }

        await SendAsync(Actor.System, user, link, "accounts.password_reset_requested", ct);
    }

    /// <summary>An administrator sends the reset link to an account.</summary>
    public async Task<Result<MaillageUser>> SendByAdminAsync(Actor actor, string? userId, Func<string, string, string> link, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(link);
        var target = await users.FindForAdminAsync(actor, userId);
        if (!target.Succeeded)
        {
            return Result<MaillageUser>.Fail(target.Errors);
        }

        var user = target.Value!;

        if (user.IsDisabled())
        {
            return new Error("account_disabled", "Ce compte est désactivé : réactivez-le avant de lui envoyer un lien.", null, ErrorKind.Conflict);
        }

        await SendAsync(actor, user, link, "accounts.password_reset_sent", ct);
        return Result<MaillageUser>.Ok(user);
    }

    /// <summary>Sets the new password with the token of the link; a used, expired or altered link is refused in French.</summary>
    public async Task<Result<MaillageUser>> ResetAsync(string? userId, string? token, string? password, CancellationToken ct = default)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        string? decoded = null;
        try
        {
            decoded = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
        }

        var invalid = new Error("invalid_link", "Ce lien n'est plus valable (déjà utilisé, expiré ou incomplet) : demandez-en un nouveau.", null);
        if (user is null || decoded is null || user.IsDisabled())
        {
            return invalid;
        }

        ct.ThrowIfCancellationRequested();
        var result = await users.ResetPasswordAsync(user, decoded, password ?? "");
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? invalid
                : Result<MaillageUser>.Fail(result.Errors.Select(e => new Error(e.Code, e.Description, "password")));
        }

        await users.ResetAccessFailedCountAsync(user);
        audit.Record(Actor.From(user), null, "accounts.password_reset", "Mot de passe choisi par lien : " + user.Id);
        await db.SaveChangesAsync(ct);
        return Result<MaillageUser>.Ok(user);
    }

    private async Task SendAsync(Actor actor, MaillageUser user, Func<string, string, string> link, string action, CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var url = link(user.Id, token);
        var text = $"""
            Bonjour,

            Pour choisir un nouveau mot de passe pour votre compte Maillage, ouvrez ce lien (valable 24 heures, une seule fois) :

            {url}

            Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.
            """;
        var message = new MimeMessage { Subject = Subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(mail.From);
        message.To.Add(MailboxAddress.Parse(user.Email!));
        await using (var session = await transport.OpenAsync(ct))
        {
            await session.SendAsync(message, ct);
        }

        audit.Record(actor, null, action, "Lien de réinitialisation envoyé : " + user.Id);
        await db.SaveChangesAsync(ct);
    }
}
