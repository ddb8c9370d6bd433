using Maillage.Platform;
using Spectre.Console;

namespace Maillage.Cli;

/// <summary>Small helpers for the human (non-JSON) output: plain-text tables, French numbers.</summary>
internal static class Human
{
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }

    /// <summary>Adds a row of plain text: data never goes through Spectre markup.</summary>
    public static void Row(this Table table, params string?[] cells) =>
        table.AddRow([.. cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? ""))]);

    /// <summary>Right-aligns the given columns (the numbers).</summary>
    public static Table RightAlign(this Table table, params int[] columns)
    {
        foreach (var c in columns)
        {
            table.Columns[c].RightAligned();
        }

        return table;
    }

    public static string Number(long value) => French.Number(value);

    public static string Percent(double ratio) => French.Percent(ratio);
}
