using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace Maillage.Platform;

/// <summary>
/// A TrueType font for the PDFs the platform writes: DejaVu Sans, regular and bold (data/fonts, Bitstream Vera licence with the DejaVu
/// changes in the public domain, see data/fonts/LICENSE-DejaVu.txt), embedded in the assembly so that no system font is needed, read once.
/// PdfPig embeds a subset of it (the characters used) in each document.
/// </summary>
public sealed class PdfFont
{
    private static readonly Lazy<PdfFont> RegularFont = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<PdfFont> BoldFont = new(() => Load("DejaVuSans-Bold.ttf"));

    private readonly ReadOnlyMemory<byte> file;
    private readonly bool[] glyphs;

    private PdfFont(byte[] file, bool[] glyphs)
    {
        this.file = file;
        this.glyphs = glyphs;
    }

    public static PdfFont Regular => RegularFont.Value;

    public static PdfFont Bold => BoldFont.Value;

    /// <summary>Whether the font has a glyph for the character (control characters and lone surrogates have none).</summary>
    public bool Has(char ch) => glyphs[ch];

    /// <summary>Adds the font to a document: PdfPig writes a subset of it, of at most 255 distinct characters per document.</summary>
    public PdfDocumentBuilder.AddedFont AddTo(PdfDocumentBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTrueTypeFont(file);
    }

    private static PdfFont Load(string name)
    {
        using var stream = typeof(PdfFont).Assembly.GetManifestResourceStream("fonts/" + name)
            ?? throw new InvalidDataException($"fonts/{name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var cmap = TrueTypeFontParser.Parse(new TrueTypeDataBytes(bytes)).WindowsUnicodeCMap
            ?? throw new InvalidDataException($"fonts/{name} has no Unicode character map.");
        var glyphs = new bool[char.MaxValue + 1];
        for (var ch = 0; ch <= char.MaxValue; ch++)
        {
            glyphs[ch] = !char.IsControl((char)ch) && !char.IsSurrogate((char)ch) && cmap.CharacterCodeToGlyphIndex(ch) != 0;
        }

        return new PdfFont(bytes, glyphs);
    }
}
