using System.Text;
using Maillage.Platform;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Maillage.Funding.Reviews;

/// <summary>
/// Writes a <see cref="ReviewPack"/> as a PDF (A4, DejaVu Sans and DejaVu Sans Bold embedded, see <see cref="PdfFont"/>): the record, the
/// amounts, one section per mission with its decision, its indicators and a trajectory chart each (targets as outlined bars, achieved as
/// filled bars, over the five contract years, with the figures in words under it), the actions outside the contract and the outcome.
/// </summary>
public static class ReviewPackPdf
{
    public static byte[] Write(ReviewPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = ReviewPackText.Title(pack);
        builder.DocumentInformation.Producer = "Maillage";
        var pdf = new Writer(builder);
        pdf.Heading(ReviewPackText.Title(pack), 15);
        pdf.Paragraph(ReviewPackText.Contract(pack));
        pdf.Paragraph(ReviewPackText.Record(pack));
        pdf.Paragraph("Participants : " + (pack.Review.Participants ?? "—"));
        pdf.Heading("Montants de l'année", 12);
        if (pack.Operating is { } operating)
        {
            Amounts(pdf, operating);
        }

        foreach (var m in pack.Missions)
        {
            Amounts(pdf, m.Amounts);
        }

        pdf.Paragraph($"Total : maximum {ReviewPackText.Euros(pack.Totals.Maximum)} ; attendu {ReviewPackText.Euros(pack.Totals.Expected)} ; "
            + $"décidé {ReviewPackText.Euros(pack.Totals.Decided)} ; versé {ReviewPackText.Euros(pack.Totals.Paid)}.", bold: true);
        foreach (var m in pack.Missions)
        {
            Mission(pdf, m);
        }

        pdf.Heading("Actions hors contrat sans mission", 12);
        Actions(pdf, pack.OtherActions);
        pdf.Heading("Conclusion", 12);
        pdf.Paragraph(pack.Review.Outcome ?? "Le dialogue de gestion n'est pas encore décidé.");
        return builder.Build();
    }

    private static void Amounts(Writer pdf, PackLine l) =>
        pdf.Paragraph($"{l.Name} : maximum {ReviewPackText.Euros(l.Maximum)} (fixe {ReviewPackText.Euros(l.MaximumFixed)}, variable {ReviewPackText.Euros(l.MaximumVariable)}) ; "
            + $"attendu {ReviewPackText.Euros(l.Expected)} ; décidé {ReviewPackText.Euros(l.Decided)} ; versé {ReviewPackText.Euros(l.Paid)}.");

    private static void Mission(Writer pdf, PackMission m)
    {
        pdf.Heading(m.Name, 13);
        Amounts(pdf, m.Amounts);
        pdf.Paragraph($"Moyens déployés : {ReviewPackText.Deployed(m.MeansDeployed)}" + (m.Comment is { } c ? $" ; commentaire : {c}" : "") + ".");
        if (m.Warning is { } warning)
        {
            pdf.Paragraph(warning);
        }

        foreach (var i in m.Indicators)
        {
            pdf.Paragraph($"{i.Name} ({i.KindLabel}, {i.Unit}, poids {ReviewPackText.Number(i.Weight)}) : cible {ReviewPackText.Number(i.Target)}, "
                + $"réalisé {ReviewPackText.Number(i.Achieved)}, taux {ReviewPackText.Rate(i.Rate)}" + (i.Obsolete ? $" ; {ReviewPackText.Obsolete(i)}" : "") + ".", bold: true);
            if (i.Justification is { } j)
            {
                pdf.Paragraph("Justification : " + j);
            }

            if (i.Evidence is { } e)
            {
                pdf.Paragraph("Preuve : " + e);
            }

            if (i.Adjustments.Count > 0)
            {
                pdf.Paragraph("Ajustements : " + ReviewPackText.Adjustments(i));
            }

            pdf.Chart(i);
            pdf.Paragraph("Trajectoire : " + ReviewPackText.Trajectory(i) + ".", size: 8);
        }

        if (m.Actions.Count > 0)
        {
            pdf.Paragraph("Actions hors contrat :", bold: true);
            Actions(pdf, m.Actions);
        }
    }

    private static void Actions(Writer pdf, IReadOnlyList<PackAction> actions)
    {
        if (actions.Count == 0)
        {
            pdf.Paragraph("Aucune.");
        }

        foreach (var a in actions)
        {
            pdf.Paragraph($"• {a.Title}" + (a.Description is { } d ? $" : {d}" : ""));
        }
    }

    /// <summary>Lays out lines of text top-down on A4 pages, wrapping words and opening pages as needed.</summary>
    private sealed class Writer
    {
        private const double Margin = 50, Width = 595 - (2 * Margin), Bottom = 50, ChartHeight = 70;
        private readonly PdfDocumentBuilder builder;
        private readonly Face regular;
        private readonly Face bold;
        private PdfPageBuilder page;
        private double y;

        public Writer(PdfDocumentBuilder builder)
        {
            this.builder = builder;
            regular = new Face(PdfFont.Regular, PdfFont.Regular.AddTo(builder));
            bold = new Face(PdfFont.Bold, PdfFont.Bold.AddTo(builder));
            page = builder.AddPage(PageSize.A4);
            y = page.PageSize.Height - Margin;
        }

        public void Heading(string text, double size)
        {
            Room(size * 3);
            y -= size * 0.6;
            Paragraph(text, size, bold: true);
        }

        public void Paragraph(string text, double size = 10, bool bold = false)
        {
            var face = bold ? this.bold : regular;
            foreach (var line in Wrap(face.Writable(text), size, face))
            {
                Room(size * 1.4);
                page.AddText(line, size, new PdfPoint(Margin, y - size), face.Added);
                y -= size * 1.4;
            }

            y -= size * 0.4;
        }

        /// <summary>Targets as outlined bars and achieved values as filled bars, year 1 to 5, on a common scale from 0.</summary>
        public void Chart(PackIndicator indicator)
        {
            Room(ChartHeight + 24);
            var top = y - 4;
            var baseLine = top - ChartHeight;
            var max = Math.Max(1m, indicator.Trajectory.Max(p => Math.Max(p.Target ?? 0m, p.Achieved ?? 0m)));
            const double slot = 60, bar = 20;
            page.SetStrokeColor(120, 120, 120);
            page.DrawLine(new PdfPoint(Margin, baseLine), new PdfPoint(Margin + (slot * indicator.Trajectory.Count), baseLine), 0.5);
            foreach (var p in indicator.Trajectory)
            {
                var x = Margin + ((p.Year - 1) * slot) + 8;
                if (p.Target is { } target)
                {
                    page.SetStrokeColor(0, 0, 145);
                    page.DrawRectangle(new PdfPoint(x, baseLine), bar, Height(target, max), 1);
                }

                if (p.Achieved is { } achieved && achieved > 0)
                {
                    page.SetTextAndFillColor(154, 154, 248);
                    page.DrawRectangle(new PdfPoint(x + bar + 2, baseLine), bar, Height(achieved, max), 0.5, fill: true);
                }

                page.ResetColor();
                page.AddText(regular.Writable($"A{p.Year}"), 7, new PdfPoint(x + 12, baseLine - 9), regular.Added);
            }

            page.ResetColor();
            y = baseLine - 14;
        }

        private static double Height(decimal value, decimal max) => Math.Max(0.5, (double)(value / max) * ChartHeight);

        private void Room(double needed)
        {
            if (y - needed < Bottom)
            {
                page = builder.AddPage(PageSize.A4);
                y = page.PageSize.Height - Margin;
            }
        }

        /// <summary>Breaks at ordinary spaces only: « 35 000 € » (no-break spaces) stays on one line.</summary>
        private List<string> Wrap(string text, double size, Face face)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && Measure(candidate, size, face) > Width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            if (current.Length > 0 || lines.Count == 0)
            {
                lines.Add(current);
            }

            return lines;
        }

        private double Measure(string text, double size, Face face)
        {
            var letters = page.MeasureText(text, size, new PdfPoint(0, 0), face.Added);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X;
        }
    }

    /// <summary>
    /// A font added to the document, with the characters written in it so far: PdfPig's simple TrueType fonts hold at most 255 distinct
    /// characters per document, so past that (which French text never reaches) a new character is written « ? », as is one the font lacks.
    /// </summary>
    private sealed class Face(PdfFont font, PdfDocumentBuilder.AddedFont added)
    {
        private const int MaxCharacters = 254;
        private readonly HashSet<char> used = [];

        public PdfDocumentBuilder.AddedFont Added { get; } = added;

        /// <summary>The text as this font writes it: line breaks and tabs become spaces, characters it cannot write become « ? ».</summary>
        public string Writable(string text)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var ch in text)
            {
                var c = ch is '\r' or '\n' or '\t' ? ' ' : font.Has(ch) ? ch : '?';
                if (!used.Contains(c) && c != '?')
                {
                    if (used.Count >= MaxCharacters)
                    {
                        c = '?';
                    }
                    else
                    {
                        used.Add(c);
                    }
                }

                sb.Append(c);
            }

            return sb.ToString();
        }
    }
}
