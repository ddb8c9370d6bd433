using System.Net;
using System.Net.Sockets;
using System.Text;
using Maillage.Platform.Mail;
using MimeKit;

namespace Maillage.Tests.Platform;

/// <summary>
/// The SMTP transport speaks real SMTP (MailKit) to a server on loopback: the message arrives whole with its recipient, and a refused
/// recipient becomes a <see cref="MailRejectedException"/> (logged as failed) rather than stopping the send.
/// </summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task A_message_is_delivered_over_smtp_and_a_refused_recipient_is_reported()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = new LoopbackSmtpServer(refuse: "refuse@pro.example");
        var serving = server.ServeAsync(ct);
        var setting = MailSetting.Parse($"smtp://127.0.0.1:{server.Port}?tls=none", "cpts@redon.example", Path.GetTempPath());
        await using (var session = await setting.CreateTransport(TimeProvider.System).OpenAsync(ct))
        {
            await session.SendAsync(Message(setting, "adherent@pro.example", "Rejoignez la CPTS"), ct);
            await Assert.ThrowsAsync<MailRejectedException>(() => session.SendAsync(Message(setting, "refuse@pro.example", "Refusé"), ct));
        }

        await serving;
        var delivered = Assert.Single(server.Messages);
        Assert.Equal(("cpts@redon.example", "adherent@pro.example"), (delivered.From, delivered.To));
        var parsed = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(delivered.Data)), ct);
        Assert.Equal("Rejoignez la CPTS", parsed.Subject);
        Assert.Contains("Bonjour", parsed.TextBody, StringComparison.Ordinal);
    }

    private static MimeMessage Message(MailSetting setting, string to, string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "Bonjour,\r\nla CPTS vous écrit." } };
        message.From.Add(setting.From);
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private sealed record Received(string From, string To, string Data);

    /// <summary>Just enough of RFC 5321 for one client session: EHLO, MAIL, RCPT (one address refused), DATA, RSET, QUIT.</summary>
    private sealed class LoopbackSmtpServer(string refuse) : IDisposable
    {
        private readonly TcpListener listener = Start();

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public List<Received> Messages { get; } = [];

        public async Task ServeAsync(CancellationToken ct)
        {
            using var client = await listener.AcceptTcpClientAsync(ct);
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 loopback ESMTP");
            string? from = null, to = null;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 loopback");
                        break;
                    case "MAIL":
                        from = Address(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to = Address(line);
                        await writer.WriteLineAsync(to == refuse ? "550 5.1.1 No such user" : "250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(ct) is { } body && body != ".")
                        {
                            data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                        }

                        Messages.Add(new Received(from!, to!, data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }

        public void Dispose() => listener.Stop();

        private static string Address(string line) => line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];

        private static TcpListener Start()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            return l;
        }
    }
}
