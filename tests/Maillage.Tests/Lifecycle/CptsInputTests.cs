using Maillage.Lifecycle;

namespace Maillage.Tests.Lifecycle;

/// <summary>Identity checks of a CPTS (domain-rules §5–§6): each error names the field at fault.</summary>
public sealed class CptsInputTests
{
    private static readonly CptsInput Valid = new(
        "CPTS du Pays de Redon", "W353001234", "73282932000074", "contact@cpts-redon.fr", "+33 2 99 71 00 00", ["35236"]);

    private static string SingleErrorField(CptsInput input, string code)
    {
        var error = Assert.Single(input.CheckIdentity());
        Assert.Equal(code, error.Code);
        return error.Field!;
    }

    [Fact]
    public void Valid_identity_has_no_error() => Assert.Empty(Valid.CheckIdentity());

    [Fact]
    public void Name_alone_is_enough() => Assert.Empty(new CptsInput("CPTS Rennes", null, " ", null, "", null).CheckIdentity());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_name_is_refused_on_field_name(string? name) =>
        Assert.Equal("name", SingleErrorField(Valid with { Name = name }, "name_required"));

    [Fact]
    public void Name_of_200_characters_is_accepted() => Assert.Empty((Valid with { Name = new string('a', 200) }).CheckIdentity());

    [Fact]
    public void Name_of_201_characters_is_refused_on_field_name() =>
        Assert.Equal("name", SingleErrorField(Valid with { Name = new string('a', 201) }, "name_too_long"));

    [Fact]
    public void Bad_rna_is_refused_on_field_rna() =>
        Assert.Equal("rna", SingleErrorField(Valid with { Rna = "W12345678" }, "invalid_rna"));

    [Fact]
    public void Rna_in_lowercase_is_accepted() => Assert.Empty((Valid with { Rna = " w353001234 " }).CheckIdentity());

    [Fact]
    public void Bad_siret_key_is_refused_on_field_siret() =>
        Assert.Equal("siret", SingleErrorField(Valid with { Siret = "73282932000075" }, "invalid_siret_key"));

    [Fact]
    public void Short_siret_is_refused_on_field_siret() =>
        Assert.Equal("siret", SingleErrorField(Valid with { Siret = "7328293200007" }, "invalid_siret"));

    [Fact]
    public void Siret_written_with_spaces_is_accepted() => Assert.Empty((Valid with { Siret = "732 829 320 00074" }).CheckIdentity());

    [Theory]
    [InlineData("contact")]
    [InlineData("contact@")]
    [InlineData("@cpts.fr")]
    public void Bad_email_is_refused_on_field_contact_email(string email) =>
        Assert.Equal("contactEmail", SingleErrorField(Valid with { ContactEmail = email }, "invalid_email"));

    [Theory]
    [InlineData("02 99 ab 00 00")]
    [InlineData("0299710000 poste 12")]
    [InlineData("0123456789012345678901234567890")] // 31 characters
    public void Bad_phone_is_refused_on_field_contact_phone(string phone) =>
        Assert.Equal("contactPhone", SingleErrorField(Valid with { ContactPhone = phone }, "invalid_phone"));

    [Theory]
    [InlineData("02 99 71 00 00")]
    [InlineData("02.99.71.00.00")]
    [InlineData("+33-2-99-71-00-00")]
    public void French_phone_notations_are_accepted(string phone) => Assert.Empty((Valid with { ContactPhone = phone }).CheckIdentity());

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var errors = new CptsInput("", "X1", "1", "nope", "abc", null).CheckIdentity();
        Assert.Equal(["name", "rna", "siret", "contactEmail", "contactPhone"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Apply_identity_trims_and_normalises()
    {
        var cpts = new Cpts();
        new CptsInput("  CPTS Rennes ", " w353001234", "732 829 320 00074", " ", " 02 99 71 00 00 ", null).ApplyIdentity(cpts);
        Assert.Equal("CPTS Rennes", cpts.Name);
        Assert.Equal("W353001234", cpts.Rna);
        Assert.Equal("73282932000074", cpts.Siret);
        Assert.Null(cpts.ContactEmail);
        Assert.Equal("02 99 71 00 00", cpts.ContactPhone);
    }
}
