using Maillage.TreatingDoctor;
using Maillage.TreatingDoctor.Assignment;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>A request's fields as a form posts them (the member's, the team's and the public form).</summary>
public sealed class RequestForm
{
    [BindProperty(Name = "familyName")]
    public string? FamilyName { get; set; }

    [BindProperty(Name = "givenName")]
    public string? GivenName { get; set; }

    [BindProperty(Name = "birthDate")]
    public string? BirthDate { get; set; }

    [BindProperty(Name = "communeCode")]
    public string? CommuneCode { get; set; }

    [BindProperty(Name = "phone")]
    public string? Phone { get; set; }

    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "nir")]
    public string? Nir { get; set; }

    [BindProperty(Name = "criteria")]
    public List<string> Criteria { get; set; } = [];

    [BindProperty(Name = "homeVisit")]
    public bool HomeVisit { get; set; }

    [BindProperty(Name = "consent")]
    public bool Consent { get; set; }

    [BindProperty(Name = "notes")]
    public string? Notes { get; set; }

    public RequestInput Input() => new(FamilyName, GivenName, BirthDate, CommuneCode, Phone, Email, Nir, Criteria, HomeVisit, Consent, Notes);
}

/// <summary>What the request fields partial (<c>_RequestFields</c>) needs: the communes to choose from, what was typed, who fills it.</summary>
public sealed record RequestFields(IReadOnlyList<CommuneChoice> Communes, RequestForm? Typed, bool ForPatient, DateOnly Today);

/// <summary>French labels and form names of the criteria, in the order of their weight.</summary>
public static class CriteriaChoices
{
    public static IReadOnlyList<(string Code, string Label)> All { get; } =
        [.. Enum.GetValues<Criterion>().Select(c => (AssignmentNames.Name(c), Label(c)))];

    /// <summary>The label as the form shows it (capitalised, with what it means for a patient).</summary>
    public static string Label(Criterion c) => c switch
    {
        Criterion.Ald => "Affection de longue durée (ALD)",
        Criterion.Age70 => "70 ans et plus",
        Criterion.LostDoctor => "Médecin traitant parti (retraite, départ, décès)",
        Criterion.C2s => "Complémentaire santé solidaire (C2S)",
        Criterion.Chronic => "Maladie chronique",
        Criterion.Disability => "Situation de handicap",
        Criterion.Pregnancy => "Grossesse",
        _ => "Situation de précarité",
    };

    public static string Of(IEnumerable<Criterion> criteria)
    {
        var list = criteria.Select(PriorityLabels.Of).ToList();
        return list.Count == 0 ? "aucun critère" : string.Join(", ", list);
    }
}
