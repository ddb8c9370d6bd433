using System.Globalization;
using Maillage.Funding.Contracts;
using Maillage.Funding.Schedule;
using Maillage.Platform;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Payments;

/// <summary>What a user gives to record the payment of a schedule line: the amount in euros and cents, the date, the payer's reference.</summary>
public sealed record PaymentDraft(decimal? Amount, DateOnly? PaidOn, string? Reference);

/// <summary>The pure rules of the payments recorded against a contract's schedule, and the ids and French names of the parts.</summary>
public static class PaymentRules
{
    public const int MaxReference = 100;

    /// <summary>The parts in the order of a year's schedule.</summary>
    public static IReadOnlyList<PaymentPart> Parts { get; } = [PaymentPart.Operating, PaymentPart.FixedAdvance, PaymentPart.FixedBalance, PaymentPart.Variable];

    public static string Id(PaymentPart part) => part switch
    {
        PaymentPart.Operating => "operating",
        PaymentPart.FixedAdvance => "fixed-advance",
        PaymentPart.FixedBalance => "fixed-balance",
        _ => "variable",
    };

    public static string Label(PaymentPart part) => part switch
    {
        PaymentPart.Operating => "Fonctionnement",
        PaymentPart.FixedAdvance => "Avance de la part fixe",
        PaymentPart.FixedBalance => "Solde de la part fixe",
        _ => "Part variable",
    };

    /// <summary>The part from its id (<c>operating</c>, <c>fixed-advance</c>, <c>fixed-balance</c>, <c>variable</c>); <c>null</c> if unknown.</summary>
    public static PaymentPart? ParsePart(string? text)
    {
        var id = text?.Trim().ToLowerInvariant();
        return Parts.Cast<PaymentPart?>().FirstOrDefault(p => Id(p!.Value) == id);
    }

    /// <summary>
    /// Checks a payment: the part is known and the (year, line, part) is a line of the contract's schedule; the amount is given, ≥ 0, in
    /// euros and cents; the date is given, not in the future and not before the contract's signature; the reference at most 100 characters.
    /// </summary>
    public static List<Error> Check(AciContract contract, IReadOnlyList<ScheduleLine> schedule, int year, string? line, string? part, PaymentDraft draft,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<Error>();
        if (LineError(schedule, year, line, part) is { } lineError)
        {
            errors.Add(lineError);
        }

        if (draft.Amount is not { } amount)
        {
            errors.Add(new Error("amount_required", "Indiquez le montant versé, en euros.", "amount"));
        }
        else if (amount < 0 || decimal.Round(amount, 2) != amount)
        {
            errors.Add(new Error("amount_invalid",
                $"Le montant versé ({amount.ToString(CultureInfo.InvariantCulture)} €) doit être positif ou nul, en euros et centimes (deux décimales au plus).", "amount"));
        }

        if (draft.PaidOn is not { } paid)
        {
            errors.Add(new Error("paid_on_required", "Indiquez la date du versement.", "paidOn"));
        }
        else if (paid > today)
        {
            errors.Add(new Error("paid_on_in_future", $"La date du versement, le {French.Date(paid)}, est dans le futur.", "paidOn"));
        }
        else if (paid < contract.SignedOn)
        {
            errors.Add(new Error("paid_on_before_signature",
                $"La date du versement, le {French.Date(paid)}, précède la signature du contrat ({French.Date(contract.SignedOn)}).", "paidOn"));
        }

        if ((draft.Reference?.Trim().Length ?? 0) > MaxReference)
        {
            errors.Add(new Error("reference_too_long", "La référence du versement est limitée à 100 caractères.", "reference"));
        }

        return errors;
    }

    /// <summary>The schedule line a payment is for, or why there is none.</summary>
    public static Error? LineError(IReadOnlyList<ScheduleLine> schedule, int year, string? line, string? part)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (ParsePart(part) is not { } parsed)
        {
            return new Error("unknown_part", $"Part « {part?.Trim()} » inconnue : {string.Join(", ", Parts.Select(Id))}.", "part");
        }

        if (year is < 1 or > AciContract.Years)
        {
            return new Error("year_outside_contract", $"L'année {year} est hors du contrat : les années du contrat vont de 1 à {AciContract.Years}.", "year");
        }

        var id = line?.Trim().ToLowerInvariant();
        if (schedule.Any(l => l.Year == year && l.Line == id && l.Part == parsed))
        {
            return null;
        }

        var lines = schedule.Where(l => l.Year == year).Select(l => $"{l.Line}/{Id(l.Part)}").ToList();
        return new Error("not_a_schedule_line",
            $"L'échéancier de l'année {year} n'a pas de ligne « {id} » pour la part « {Label(parsed)} »"
            + (lines.Count == 0 ? "." : $" ; ses lignes : {string.Join(", ", lines)}."), "line");
    }

    /// <summary>The payment for a schedule line, if one is recorded.</summary>
    public static FundingPayment? For(IEnumerable<FundingPayment> payments, int year, string line, PaymentPart part) =>
        payments.FirstOrDefault(p => p.Year == year && p.Line == line && p.Part == part);

    public static string NormaliseLine(string? line) => line?.Trim().ToLowerInvariant() ?? "";

    public static Error NotFound() =>
        new("payment_not_found", "Aucun versement n'est enregistré pour cette ligne de l'échéancier.", "line", ErrorKind.NotFound);
}
