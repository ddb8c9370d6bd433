using Microsoft.AspNetCore.Identity;

namespace Maillage.Platform.Identity;

/// <summary>
/// Identity's messages in French, for the pages and the CLI: every message <see cref="IdentityErrorDescriber"/> can produce is
/// overridden (a test checks it), so no English sentence of the framework reaches a user. Codes stay Identity's.
/// </summary>
public sealed class FrenchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Fr(nameof(DefaultError), "Une erreur inattendue empêche l'opération : recommencez.");

    public override IdentityError ConcurrencyFailure() =>
        Fr(nameof(ConcurrencyFailure), "Le compte a été modifié entre-temps par quelqu'un d'autre : rechargez la page et recommencez.");

    public override IdentityError PasswordMismatch() => Fr(nameof(PasswordMismatch), "Le mot de passe est incorrect.");

    public override IdentityError InvalidToken() => Fr(nameof(InvalidToken), "Ce lien ou ce code n'est pas ou plus valide : demandez-en un nouveau.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Fr(nameof(RecoveryCodeRedemptionFailed), "Ce code de récupération n'est pas valide.");

    public override IdentityError LoginAlreadyAssociated() =>
        Fr(nameof(LoginAlreadyAssociated), "Cette connexion externe est déjà associée à un autre compte.");

    public override IdentityError InvalidUserName(string? userName) =>
        Fr(nameof(InvalidUserName), $"L'identifiant « {userName} » n'est pas valide : lettres sans accent, chiffres et - . _ @ + seulement.");

    public override IdentityError InvalidEmail(string? email) =>
        Fr(nameof(InvalidEmail), $"L'adresse e-mail « {email} » n'est pas valide (attendu : nom@domaine.fr).");

    public override IdentityError DuplicateUserName(string userName) => Fr(nameof(DuplicateUserName), $"Le compte {userName} existe déjà.");

    public override IdentityError DuplicateEmail(string email) => Fr(nameof(DuplicateEmail), $"L'adresse {email} est déjà utilisée.");

    public override IdentityError InvalidRoleName(string? role) => Fr(nameof(InvalidRoleName), $"Le rôle « {role} » n'est pas valide.");

    public override IdentityError DuplicateRoleName(string role) => Fr(nameof(DuplicateRoleName), $"Le rôle « {role} » existe déjà.");

    public override IdentityError UserAlreadyHasPassword() => Fr(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");

    public override IdentityError UserLockoutNotEnabled() =>
        Fr(nameof(UserLockoutNotEnabled), "Le verrouillage après des échecs de connexion n'est pas activé pour ce compte.");

    public override IdentityError UserAlreadyInRole(string role) => Fr(nameof(UserAlreadyInRole), $"Le compte a déjà le rôle « {role} ».");

    public override IdentityError UserNotInRole(string role) => Fr(nameof(UserNotInRole), $"Le compte n'a pas le rôle « {role} ».");

    public override IdentityError PasswordTooShort(int length) =>
        Fr(nameof(PasswordTooShort), $"Le mot de passe doit compter au moins {French.Count(length, "caractère", "caractères")}.");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Fr(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {French.Count(uniqueChars, "caractère différent", "caractères différents")}.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Fr(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir un caractère spécial (ni lettre ni chiffre).");

    public override IdentityError PasswordRequiresDigit() => Fr(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir un chiffre.");

    public override IdentityError PasswordRequiresLower() => Fr(nameof(PasswordRequiresLower), "Le mot de passe doit contenir une minuscule.");

    public override IdentityError PasswordRequiresUpper() => Fr(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir une majuscule.");

    private static IdentityError Fr(string code, string description) => new() { Code = code, Description = description };
}
