using System.Reflection;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Maillage.Tests.Platform;

/// <summary>Every message ASP.NET Identity can give a user is in French (its describer speaks English).</summary>
public sealed class FrenchIdentityErrorsTests
{
    private static readonly IdentityErrorDescriber English = new();
    private static readonly FrenchIdentityErrors French = new();

    public static TheoryData<string> Messages =>
        [.. typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsVirtual && m.ReturnType == typeof(IdentityError)).Select(m => m.Name).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_message_of_identity_is_overridden_in_french_with_identitys_code(string name)
    {
        var method = typeof(IdentityErrorDescriber).GetMethod(name)!;
        Assert.Equal(typeof(FrenchIdentityErrors), typeof(FrenchIdentityErrors).GetMethod(name, [.. method.GetParameters().Select(p => p.ParameterType)])!.DeclaringType);
        object[] args = [.. method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)12 : "pas-un-email")];

        var english = (IdentityError)method.Invoke(English, args)!;
        var french = (IdentityError)method.Invoke(French, args)!;

        Assert.Equal(english.Code, french.Code);
        Assert.NotEqual(english.Description, french.Description);
        Assert.EndsWith(".", french.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_describer_is_read_whole() => Assert.True(Messages.Count >= 20, $"Only {Messages.Count} messages found on IdentityErrorDescriber");

    [Fact]
    public void An_invalid_email_says_what_is_expected() =>
        Assert.Equal("L'adresse e-mail « pas-un-email » n'est pas valide (attendu : nom@domaine.fr).", French.InvalidEmail("pas-un-email").Description);
}
