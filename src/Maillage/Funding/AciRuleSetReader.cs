using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Maillage.Funding.Contracts;
using Maillage.Territories.Published;

namespace Maillage.Funding;

/// <summary>
/// Reads one ACI rule-set file and checks it completely: the known line ids, operating and the four socle missions (or the
/// single line <c>total</c>), every tier of the size-tier rule set it names, amounts present, non-negative, in euros and cents; the
/// notice before a tier drop, <c>tierDropNoticeYears</c>, is 0 to 10 years (3 when absent).
/// </summary>
internal static partial class AciRuleSetReader
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Dictionary<string, AciLineKind> Kinds = new(StringComparer.Ordinal)
    {
        ["operating"] = AciLineKind.Operating,
        ["socle"] = AciLineKind.Socle,
        ["optional"] = AciLineKind.Optional,
        ["total"] = AciLineKind.Total,
    };

    public static AciRuleSet Read(string file, string json, SizeTiers tiers)
    {
        RuleSetFile? dto;
        try
        {
            dto = JsonSerializer.Deserialize<RuleSetFile>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: {e.Path ?? "$"}: unreadable (line {e.LineNumber + 1}): {e.Message}", e);
        }

        var check = new Check(file);
        if (dto is null)
        {
            throw check.Fault("$", "the file is empty.");
        }

        var id = check.Text(dto.Id, "id");
        if (!IdPattern().IsMatch(id))
        {
            throw check.Fault("id", $"« {id} » must be lower-case letters, digits, dots and hyphens.");
        }

        var source = check.Required(dto.Source, "source");
        var date = check.Text(source.Date, "source.date");
        if (!IsDate(date))
        {
            throw check.Fault("source.date", $"« {date} » is not a date (yyyy-MM-dd, yyyy-MM or yyyy).");
        }

        var tierSetId = check.Text(dto.TierRuleSet, "tierRuleSet");
        var tierSet = tiers.Find(tierSetId) ?? throw check.Fault("tierRuleSet",
            $"« {tierSetId} » is not a rule set of size-tiers.json (known: {string.Join(", ", tiers.All.Select(t => t.Id))}).");
        var lines = ReadLines(check, dto.Lines, tierSet);
        var notice = dto.TierDropNoticeYears ?? TierDropNotice.DefaultYears;
        if (notice is < 0 or > TierDropNotice.MaxYears)
        {
            throw check.Fault("tierDropNoticeYears", $"{notice} is out of range: a whole number of years, 0 (no notice) to {TierDropNotice.MaxYears}.");
        }

        return new AciRuleSet(id, check.Text(dto.Name, "name"), check.Text(dto.ShortName, "shortName"), new AciSource(check.Text(source.Text, "source.text"), date),
            tierSet, dto.Default ?? false, string.IsNullOrWhiteSpace(dto.Note) ? null : dto.Note.Trim(), lines, notice);
    }

    private static List<AciLineRule> ReadLines(Check check, List<LineEntry?>? entries, SizeTierRuleSet tierSet)
    {
        if (entries is null || entries.Count == 0)
        {
            throw check.Fault("lines", "the grid has no line.");
        }

        var lines = new List<AciLineRule>();
        for (var i = 0; i < entries.Count; i++)
        {
            var line = ReadLine(check, $"lines[{i}]", check.Required(entries[i], $"lines[{i}]"), tierSet);
            if (lines.Any(l => l.Id == line.Id))
            {
                throw check.Fault($"lines[{i}].id", $"« {line.Id} » appears twice.");
            }

            lines.Add(line);
        }

        if (lines.Any(l => l.Kind == AciLineKind.Total))
        {
            return lines.Count == 1 ? lines : throw check.Fault("lines", "a grid with the line total has no other line.");
        }

        foreach (var required in AciLineIds.Socle.Prepend(AciLineIds.Operating).Where(r => lines.All(l => l.Id != r)))
        {
            throw check.Fault("lines", required == AciLineIds.Operating
                ? "the line operating is missing."
                : $"the socle mission « {required} » is missing (the four socle missions are {string.Join(", ", AciLineIds.Socle)}).");
        }

        return lines;
    }

    private static AciLineRule ReadLine(Check check, string path, LineEntry entry, SizeTierRuleSet tierSet)
    {
        var id = check.Text(entry.Id, path + ".id");
        if (!AciLineIds.Known.Contains(id))
        {
            throw check.Fault(path + ".id", $"« {id} » is not a known line id ({string.Join(", ", AciLineIds.Known)}).");
        }

        path += $" ({id})";
        var kindText = check.Text(entry.Kind, path + ".kind");
        if (!Kinds.TryGetValue(kindText, out var kind))
        {
            throw check.Fault(path + ".kind", $"« {kindText} » is not a kind ({string.Join(", ", Kinds.Keys)}).");
        }

        var expected = id switch
        {
            AciLineIds.Operating => "operating",
            AciLineIds.Total => "total",
            _ when AciLineIds.Socle.Contains(id) => "socle",
            _ => null,
        };
        if ((expected is not null && kindText != expected) || (expected is null && kind is not (AciLineKind.Socle or AciLineKind.Optional)))
        {
            throw check.Fault(path + ".kind", $"« {kindText} » does not fit the line {id}: expected {expected ?? "socle or optional"}.");
        }

        var crisisPlan = entry.CrisisPlan ?? false;
        return new AciLineRule(id, check.Text(entry.Name, path + ".name"), kind, crisisPlan, ReadTiers(check, path, entry.Tiers, crisisPlan, tierSet));
    }

    private static List<AciTierAmounts> ReadTiers(Check check, string path, List<TierEntry?>? entries, bool crisisPlan, SizeTierRuleSet tierSet)
    {
        var count = tierSet.TierLowerBounds.Count;
        var byTier = new AciTierAmounts?[count];
        if (entries is null)
        {
            throw check.Fault(path + ".tiers", "is missing.");
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var at = $"{path}.tiers[{i}]";
            var entry = check.Required(entries[i], at);
            var tier = entry.Tier ?? throw check.Fault(at + ".tier", "is missing.");
            if (tier < 1 || tier > count)
            {
                throw check.Fault(at + ".tier", $"{tier} is not a tier of {tierSet.Id} (1 to {count}).");
            }

            if (byTier[tier - 1] is not null)
            {
                throw check.Fault(at + ".tier", $"tier {tier} appears twice.");
            }

            CheckShape(check, at, entry, crisisPlan);
            byTier[tier - 1] = crisisPlan
                ? new AciTierAmounts(tier, check.Amount(entry.FixedFirstDrafting, at + ".fixedFirstDrafting"),
                    check.Amount(entry.VariableIfCrisis, at + ".variableIfCrisis"), check.Amount(entry.FixedYearlyUpdate, at + ".fixedYearlyUpdate"))
                : new AciTierAmounts(tier, check.Amount(entry.Fixed, at + ".fixed"), check.Amount(entry.Variable, at + ".variable"));
        }

        for (var t = 0; t < count; t++)
        {
            if (byTier[t] is null)
            {
                throw check.Fault(path + ".tiers", $"tier {t + 1} is missing (every tier of {tierSet.Id}, 1 to {count}, needs its amounts).");
            }
        }

        return [.. byTier.Select(a => a!)];
    }

    /// <summary>A crisis-plan line gives its three amounts per tier, any other line its fixed and variable parts: never a mix.</summary>
    private static void CheckShape(Check check, string at, TierEntry entry, bool crisisPlan)
    {
        if (crisisPlan && (entry.Fixed ?? entry.Variable) is not null)
        {
            throw check.Fault(at, "fixed and variable do not apply to a crisis-plan line: it gives fixedFirstDrafting, fixedYearlyUpdate and variableIfCrisis.");
        }

        if (!crisisPlan && (entry.FixedFirstDrafting ?? entry.FixedYearlyUpdate ?? entry.VariableIfCrisis) is not null)
        {
            throw check.Fault(at, "fixedFirstDrafting, fixedYearlyUpdate and variableIfCrisis belong to a line with \"crisisPlan\": true.");
        }
    }

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$")]
    private static partial Regex IdPattern();

    /// <summary>Builds the messages of one file: « file: field: what is wrong ».</summary>
    private sealed class Check(string file)
    {
        public InvalidDataException Fault(string field, string message) => new($"{file}: {field}: {message}");

        public string Text(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw Fault(field, "is missing.") : value.Trim();

        public T Required<T>(T? value, string field)
            where T : class => value ?? throw Fault(field, "is missing.");

        /// <summary>A non-negative amount in euros with at most two decimals, without its trailing zeros.</summary>
        public decimal Amount(decimal? value, string field)
        {
            var amount = value ?? throw Fault(field, "is missing.");
            if (amount < 0)
            {
                throw Fault(field, $"{amount.ToString(CultureInfo.InvariantCulture)} is negative; amounts are euros, zero or more.");
            }

            if (decimal.Round(amount, 2) != amount)
            {
                throw Fault(field, $"{amount.ToString(CultureInfo.InvariantCulture)} has more than two decimals; amounts are euros and cents.");
            }

            return amount / 1.000000000000000000000000000000000m;
        }
    }

    private sealed record RuleSetFile(string? Id, string? Name, string? ShortName, bool? Default, SourceEntry? Source, string? TierRuleSet, string? Note, List<LineEntry?>? Lines,
        int? TierDropNoticeYears);

    private sealed record SourceEntry(string? Text, string? Date);

    private sealed record LineEntry(string? Id, string? Name, string? Kind, bool? CrisisPlan, List<TierEntry?>? Tiers);

    private sealed record TierEntry(int? Tier, decimal? Fixed, decimal? Variable, decimal? FixedFirstDrafting, decimal? FixedYearlyUpdate, decimal? VariableIfCrisis);
}
