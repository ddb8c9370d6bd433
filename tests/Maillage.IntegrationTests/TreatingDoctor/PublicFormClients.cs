using System.Net;
using Maillage.Web.TreatingDoctor;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Maillage.IntegrationTests.TreatingDoctor;

/// <summary>
/// Whose allowance a post of the public form takes (<see cref="PublicFormGate.ClientOf"/>): the connection's address, or behind a declared
/// reverse proxy the client it forwards — never a client-written entry of <c>X-Forwarded-For</c>, and never the proxy's for everyone.
/// </summary>
public sealed class PublicFormClients
{
    private static readonly IPAddress[] Proxies = [IPAddress.Parse("10.0.0.5").MapToIPv6(), IPAddress.Parse("10.0.0.6").MapToIPv6()];

    private static string Client(string remote, string? forwarded, IReadOnlyList<IPAddress>? proxies = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwarded is not null)
        {
            http.Request.Headers["X-Forwarded-For"] = forwarded;
        }

        return PublicFormGate.ClientOf(http, proxies ?? Proxies);
    }

    [Fact]
    public void A_post_counts_against_the_client_the_declared_proxies_forward_and_nobody_else()
    {
        // No proxy declared: the header is anyone's to write, so the connection counts.
        Assert.Equal("203.0.113.9", Client("203.0.113.9", "198.51.100.1", []));
        // Not from a proxy: same.
        Assert.Equal("203.0.113.9", Client("203.0.113.9", "198.51.100.1"));
        // From a proxy: the client it forwards; through two proxies, the nearest address that is not a proxy; what the client wrote on the left is ignored.
        Assert.Equal("198.51.100.1", Client("10.0.0.5", "198.51.100.1"));
        Assert.Equal("198.51.100.1", Client("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.6"));
        Assert.Equal("198.51.100.1", Client("::ffff:10.0.0.5", "198.51.100.1"));
        // A broken entry, or no header: the proxy's own address (the most that is vouched for).
        Assert.Equal("10.0.0.5", Client("10.0.0.5", "pas-une-adresse"));
        Assert.Equal("10.0.0.5", Client("10.0.0.5", null));
    }

    [Fact]
    public void The_proxies_are_read_as_a_list_or_a_comma_separated_value_and_a_wrong_one_is_named()
    {
        static IConfiguration Config(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

        Assert.Empty(PublicFormGate.ReadProxies(Config()));
        Assert.Equal(Proxies, PublicFormGate.ReadProxies(Config(("Maillage:TreatingDoctor:PublicFormProxies", "10.0.0.5, 10.0.0.6"))));
        Assert.Equal(Proxies, PublicFormGate.ReadProxies(Config(("Maillage:TreatingDoctor:PublicFormProxies:0", "10.0.0.5"),
            ("Maillage:TreatingDoctor:PublicFormProxies:1", "10.0.0.6"))));
        var wrong = Assert.Throws<InvalidOperationException>(() => PublicFormGate.ReadProxies(Config(("Maillage:TreatingDoctor:PublicFormProxies", "10.0.0.5,proxy"))));
        Assert.Contains("« proxy »", wrong.Message, StringComparison.Ordinal);
    }
}
