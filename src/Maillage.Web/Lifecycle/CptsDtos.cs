using Maillage.Lifecycle;
using Maillage.Directory;
using Maillage.Lifecycle.Published;

namespace Maillage.Web.Lifecycle;

/// <summary>What the API says of a CPTS.</summary>
public static class CptsDtos
{
    public sealed record Summary(Guid Id, string Name, string Stage, string StageLabel, long Population, int Tier, IReadOnlyList<string> Departements);

    public sealed record Unit(string Code, string Name, int Population, string? OverrideReason);

    public sealed record Transition(string Stage, string StageLabel, DateOnly Date, DateOnly? Until, int? Days, string RecordedBy);

    public sealed record Letter(string? Actors, string? Context, string? Needs, string? Objectives, string? Calendar, string? Obstacles);

    public sealed record AuditLine(DateTimeOffset At, string Actor, string Action, string Details);

    public sealed record Detail(
        Guid Id, string Name, string? Rna, string? Siret, string? ContactEmail, string? ContactPhone,
        string Stage, string StageLabel, long Population, int Tier, string TierRuleSet,
        IReadOnlyList<string> Departements, IReadOnlyList<string> Regions,
        IReadOnlyList<Unit> Territory, IReadOnlyList<Transition> Stages, Letter LetterOfIntent, int Version, string? Finess);

    public static Summary From(CptsListItem c) => new(c.Id, c.Name, c.Stage.Id(), c.Stage.French(), c.Population, c.Tier,
        [.. c.Departements.Split(',', StringSplitOptions.RemoveEmptyEntries)]);

    public static Detail From(CptsDetail d)
    {
        var c = d.Cpts;
        var l = c.Letter;
        return new Detail(c.Id, c.Name, c.Rna, c.Siret, c.ContactEmail, c.ContactPhone, c.Stage.Id(), c.Stage.French(), c.Population, c.Tier,
            c.TierRuleSet, [.. c.DepartementCodes], [.. c.RegionCodes],
            [.. d.Units.Select(u => new Unit(u.Code, u.Name, u.Population, u.OverrideReason))],
            [.. d.Timeline.Select(t => new Transition(t.Stage.Id(), t.Stage.French(), t.From, t.To, t.Days, t.RecordedBy))],
            new Letter(l.Actors, l.Context, l.Needs, l.Objectives, l.Calendar, l.Obstacles), c.Version, c.Finess);
    }
}
