using Maillage.Platform.PersonalData;

namespace Maillage.Web.Platform;

/// <summary>Security events; the e-mail is classified personal data and erased by the redactor before logging.</summary>
public static partial class SecurityLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Sign-in succeeded")]
    public static partial void SignedIn(ILogger logger, [PersonalData] string email);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Sign-in failed (locked out: {LockedOut})")]
    public static partial void SignInFailed(ILogger logger, [PersonalData] string email, bool lockedOut);
}
