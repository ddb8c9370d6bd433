using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace Maillage.Platform.Mail;

/// <summary>How the platform hands its e-mail over: an SMTP server, or a pickup directory of <c>.eml</c> files.</summary>
public enum MailTransportKind
{
    Smtp,
    Pickup,
}

/// <summary>
/// The <c>Maillage__Mail</c> setting: <c>smtp://host:port</c> with optional <c>user</c>, <c>password</c> and <c>tls=none|starttls|ssl</c>
/// in the query string, or <c>pickup:&lt;directory&gt;</c> (each message written as an <c>.eml</c> file, relative paths from the content
/// root); the hosts' default is the <c>mail-outbox</c> directory of the <see cref="Platform.Persistence.DataDirectory"/> (<see cref="Parse"/>
/// alone defaults to <c>pickup:data/mail-outbox</c> under its root). The sender is <c>Maillage__MailFrom</c> (default <see cref="DefaultFrom"/>).
/// </summary>
public sealed record MailSetting(MailTransportKind Kind, string Target, int Port, string? User, string? Password, SecureSocketOptions Security,
    MailboxAddress From)
{
    public const string Default = "pickup:data/mail-outbox";

    public const string DefaultFrom = "ne-pas-repondre@maillage.localhost";

    private const string Usage = "Maillage__Mail must be smtp://host:port[?user=…&password=…&tls=none|starttls|ssl] or pickup:<directory>";

    /// <summary>Reads the settings; relative pickup directories are taken from <paramref name="root"/>.</summary>
    public static MailSetting Parse(string? transport, string? from, string root)
    {
        var sender = ParseFrom(from);
        var s = string.IsNullOrWhiteSpace(transport) ? Default : transport.Trim();
        if (s.StartsWith("pickup:", StringComparison.OrdinalIgnoreCase))
        {
            var dir = s["pickup:".Length..];
            if (dir.Length == 0)
            {
                throw new FormatException(Usage);
            }

            return new MailSetting(MailTransportKind.Pickup, Path.GetFullPath(dir, root), 0, null, null, SecureSocketOptions.None, sender);
        }

        if (!s.StartsWith("smtp://", StringComparison.OrdinalIgnoreCase) || !Uri.TryCreate(s, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException(Usage);
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        string? Get(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        var security = Get("tls")?.ToLowerInvariant() switch
        {
            null => SecureSocketOptions.StartTlsWhenAvailable,
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" => SecureSocketOptions.SslOnConnect,
            _ => throw new FormatException(Usage),
        };
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (security == SecureSocketOptions.SslOnConnect ? 465 : 25) : uri.Port;
        var info = uri.UserInfo.Split(':', 2);
        var user = Get("user") ?? (info[0].Length > 0 ? Uri.UnescapeDataString(info[0]) : null);
        var password = Get("password") ?? (info.Length > 1 ? Uri.UnescapeDataString(info[1]) : null);
        return new MailSetting(MailTransportKind.Smtp, uri.Host, port, user, password, security, sender);
    }

    /// <summary>The transport of this setting; a pickup directory names its files after the time <paramref name="clock"/> gives.</summary>
    public IMailTransport CreateTransport(TimeProvider clock) =>
        Kind == MailTransportKind.Pickup ? new PickupMailTransport(Target, clock) : new SmtpMailTransport(this);

    // The password stays out of logs and exceptions.
    public override string ToString() => Kind == MailTransportKind.Pickup
        ? $"pickup:{Target}"
        : $"smtp://{Target}:{Port.ToString(CultureInfo.InvariantCulture)} ({Security})";

    private static MailboxAddress ParseFrom(string? from)
    {
        var text = string.IsNullOrWhiteSpace(from) ? DefaultFrom : from.Trim();
        return MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? address
            : throw new FormatException("Maillage__MailFrom must be an e-mail address, e.g. ne-pas-repondre@cpts.example");
    }
}

/// <summary>Hands messages over for delivery; one session per batch, so an SMTP connection serves a whole campaign.</summary>
public interface IMailTransport
{
    /// <summary>Opens a session (connects and authenticates for SMTP); fails when the server cannot be reached.</summary>
    Task<IMailSession> OpenAsync(CancellationToken ct);
}

/// <summary>Messages that must not undo what they tell of: sent in one session, a failure answered by its type instead of thrown.</summary>
public static class MailSending
{
    /// <summary>Sends <paramref name="messages"/>; null when they left, else the type of the error (for the log and the audit, never its message).</summary>
    public static async Task<string?> TrySendAllAsync(this IMailTransport transport, IReadOnlyCollection<MimeMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return null;
        }

        try
        {
            await using var session = await transport.OpenAsync(ct);
            foreach (var message in messages)
            {
                await session.SendAsync(message, ct);
            }

            return null;
        }
#pragma warning disable CA1031 // What the messages tell of stands whatever the mail does; the caller records the failure.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return e.GetType().Name;
        }
    }
}

/// <summary>An open transport session.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>Sends one message; <see cref="MailRejectedException"/> when the server refused this message only (the session still works).</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>The mail server refused one message (unknown recipient, refused content): the session may go on with the others.</summary>
public sealed class MailRejectedException : Exception
{
    public MailRejectedException()
    {
    }

    public MailRejectedException(string message)
        : base(message)
    {
    }

    public MailRejectedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Writes each message as an <c>.eml</c> file in a directory (written aside, then moved in, so readers never see half a file).</summary>
public sealed class PickupMailTransport(string directory, TimeProvider clock) : IMailTransport
{
    public string Directory { get; } = directory;

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IMailSession>(new Session(Directory, clock));
    }

    private sealed class Session(string directory, TimeProvider clock) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(message);
            var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
            var temp = Path.Combine(directory, name + ".tmp");
            await using (var stream = File.Create(temp))
            {
                await message.WriteToAsync(stream, ct);
            }

            File.Move(temp, Path.Combine(directory, name + ".eml"));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Sends through an SMTP server with MailKit.</summary>
public sealed class SmtpMailTransport(MailSetting setting) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(setting.Target, setting.Port, setting.Security, ct);
            if (setting.User is { } user)
            {
                await client.AuthenticateAsync(user, setting.Password ?? "", ct);
            }

            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                throw new MailRejectedException($"Refusé par le serveur d'envoi ({(int)e.StatusCode}) : {e.Message}", e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true);
                }
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
            {
                // The messages are handed over; a failed goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}

/// <summary>Wires the mail transport; the web host and the command line call <see cref="AddMail"/> with their setting.</summary>
public static class MailServices
{
    /// <summary>Replaces the transport with the one of <paramref name="setting"/>.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, MailSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        services.Replace(ServiceDescriptor.Singleton(setting));
        services.Replace(ServiceDescriptor.Singleton<IMailTransport>(sp => setting.CreateTransport(sp.GetRequiredService<TimeProvider>())));
        return services;
    }

    /// <summary>The default (the pickup directory <c>mail-outbox</c> of the data directory, as the web host's) unless a host chose another.</summary>
    public static IServiceCollection AddDefaultMail(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => MailSetting.Parse(
            "pickup:" + Platform.Persistence.DataDirectory.Resolve(Environment.GetEnvironmentVariable(Platform.Persistence.DataDirectory.Variable)).MailOutbox,
            null, System.IO.Directory.GetCurrentDirectory()));
        services.TryAddSingleton(sp => sp.GetRequiredService<MailSetting>().CreateTransport(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
