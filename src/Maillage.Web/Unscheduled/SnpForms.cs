using Maillage.Web.Platform;

namespace Maillage.Web.Unscheduled;

/// <summary>What the unscheduled-care pages share: the outcome of a form (message, or errors and their status) and what a refused form typed.</summary>
public abstract class SnpPageModel : FormPageModel;

/// <summary>The place, kind and visibility fields shared by the slot and pattern forms (<c>_SlotChoices</c>).</summary>
public sealed record SlotChoices(string Prefix, IReadOnlyList<Maillage.Unscheduled.SnpPlace> Places, Guid? PlaceId, string Kind, IReadOnlyList<string> Audience);

/// <summary>A weekly pattern's form (<c>_PatternForm</c>): a new one when <paramref name="Pattern"/> is null.</summary>
public sealed record PatternForm(Maillage.Unscheduled.SlotPattern? Pattern, IReadOnlyList<Maillage.Unscheduled.SnpPlace> Places, IDictionary<string, string> Route,
    SnpPageModel Page);
