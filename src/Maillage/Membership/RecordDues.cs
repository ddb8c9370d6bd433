using System.Globalization;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Membership;

/// <summary>The dues of a year: amount in euros, and the payment date once paid.</summary>
public sealed record DuesInput(int? Year, decimal? Amount, DateOnly? PaidOn = null);

/// <summary>
/// Records a member's dues for a year (domain-rules §5: 20, 30, 50 € seen), or their payment: a paid year gets a receipt number
/// <c>CPTS-&lt;year&gt;-&lt;seq&gt;</c>, in sequence within the CPTS. The coordinator or an admin.
/// </summary>
public sealed class RecordDues(MaillageDbContext db, Tenancy tenancy, AuditTrail audit)
{
    public const decimal MaxAmount = 100_000m;

    public async Task<Result<Dues>> RunAsync(Guid cptsId, Guid memberId, DuesInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await MemberLookup.ManagedAsync(db, tenancy, cptsId, memberId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Dues>.Fail(found.Errors);
        }

        var (tenant, member) = found.Value!;
        var today = tenant.Today;
        var errors = Check(input, today);
        if (errors.Count > 0)
        {
            return Result<Dues>.Fail(errors);
        }

        var year = input.Year!.Value;
        var dues = member.Dues.FirstOrDefault(d => d.Year == year);
        if (dues?.PaidOn is not null)
        {
            return new Error("already_paid", $"Les cotisations {year} sont déjà réglées (reçu {dues.ReceiptNumber}).", "year", ErrorKind.Conflict);
        }

        if (dues is null)
        {
            dues = new Dues { Id = Guid.NewGuid(), MemberId = member.Id, CptsId = cptsId, Year = year };
            db.Dues().Add(dues);
        }

        dues.Amount = input.Amount!.Value;
        if (input.PaidOn is { } paidOn)
        {
            dues.PaidOn = paidOn;
            dues.ReceiptNumber = await NextReceiptAsync(year, ct);
        }

        audit.Record(actor, cptsId, "member.dues",
            $"Adhérent {member.Id} : cotisation {year} de {dues.Amount.ToString("0.00", French.Culture)} €"
            + (dues.PaidOn is { } paid ? $" réglée le {French.Date(paid)}, reçu {dues.ReceiptNumber}." : ", non réglée."));
        return await db.SaveAsync(dues, ct, taken: new Error("receipt_taken", "Un autre reçu vient d'être émis au même moment : recommencez.", null, ErrorKind.Conflict));
    }

    private static List<Error> Check(DuesInput input, DateOnly today)
    {
        var errors = new List<Error>();
        if (input.Year is not { } year || year < 2000 || year > today.Year + 1)
        {
            errors.Add(new Error("invalid_year", $"L'année des cotisations va de 2000 à {today.Year + 1}.", "year"));
        }

        if (input.Amount is not { } amount || amount <= 0 || amount > MaxAmount)
        {
            errors.Add(new Error("invalid_amount", "Le montant des cotisations est un nombre d'euros positif.", "amount"));
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            errors.Add(new Error("invalid_amount", "Le montant se donne au centime près.", "amount"));
        }

        if (input.PaidOn is { } paidOn && paidOn > today)
        {
            errors.Add(new Error("date_in_future", $"La date du {French.Date(paidOn)} est dans le futur.", "paidOn"));
        }

        return errors;
    }

    private async Task<string> NextReceiptAsync(int year, CancellationToken ct)
    {
        var prefix = $"CPTS-{year.ToString(CultureInfo.InvariantCulture)}-";
        var issued = await db.Dues().CountAsync(d => d.ReceiptNumber != null && d.ReceiptNumber.StartsWith(prefix), ct);
        return prefix + (issued + 1).ToString("D4", CultureInfo.InvariantCulture);
    }
}
