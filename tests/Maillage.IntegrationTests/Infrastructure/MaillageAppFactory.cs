using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>
/// The real web host (in-memory server) on a test database, without the demo; the database is migrated and the
/// geography loaded by the host's own start-up check when the host starts; on the real clock unless given one; <paramref name="configure"/>
/// adds a test class's own settings or services.
/// </summary>
public sealed class MaillageAppFactory(TestDatabase database, TimeProvider? clock = null, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>The pickup directory the host writes its e-mail to (one <c>.eml</c> file per message).</summary>
    public string Outbox => Path.Combine(Database.Folder, "outbox");

    /// <summary>Every message the host has written to <see cref="Outbox"/> so far (none before its first).</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Mails() => !System.IO.Directory.Exists(Outbox) ? []
        : [.. System.IO.Directory.GetFiles(Outbox, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))];

    /// <summary>The messages sent to this address.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> MailsTo(string address) =>
        [.. Mails().Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Maillage:Database", Database.Setting);
        builder.UseSetting("Maillage:Demo", "false");
        builder.UseSetting("Maillage:Keys", Path.Combine(Database.Folder, "keys"));
        builder.UseSetting("Maillage:Mail", "pickup:" + Outbox);
        builder.UseEnvironment("Production");
        if (clock is not null)
        {
            // The host's clock, for tests that need an instant of their choosing (e.g. when Paris and La Réunion are on different days).
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }

        configure?.Invoke(builder);
    }
}
