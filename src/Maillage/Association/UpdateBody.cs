using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Association;

/// <summary>The statutory parameters of a body, and the <see cref="Version"/> the user saw.</summary>
public sealed record BodyInput(int? NoticeDays, int? QuorumPercent, int? MaxProxiesPerHolder, int? Version = null);

/// <summary>
/// Sets a body's statutory parameters to match the CPTS's statutes: notice of convocation (0–90 days), quorum (0–100 % of the voters),
/// proxies per present voter (0–10). Those who run the association; a stale version is refused.
/// </summary>
public sealed class UpdateBody(MaillageDbContext db, AuditTrail audit, AssociationAccess access)
{
    public const int MaxNoticeDays = 90;
    public const int MaxProxies = 10;

    public async Task<Result<Body>> RunAsync(Guid cptsId, string? kind, BodyInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.RunAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<Body>.Fail(scope.Errors);
        }

        var parsed = MeetingLabels.Parse<BodyKind>(kind, "kind", "Instance");
        if (!parsed.Succeeded)
        {
            return Result<Body>.Fail(parsed.Errors);
        }

        var errors = new List<Error>();
        Range(errors, input.NoticeDays, 0, MaxNoticeDays, "noticeDays", "Le délai de convocation va de 0 à 90 jours.");
        Range(errors, input.QuorumPercent, 0, 100, "quorumPercent", "Le quorum est un pourcentage de 0 à 100.");
        Range(errors, input.MaxProxiesPerHolder, 0, MaxProxies, "maxProxiesPerHolder", "Un votant présent détient de 0 à 10 pouvoirs.");
        if (errors.Count > 0)
        {
            return Result<Body>.Fail(errors);
        }

        var body = await DecisionRegister.BodyAsync(db, cptsId, parsed.Value, ct);
        var entry = db.Entry(body);
        if (input.Version is { } version)
        {
            if (entry.State == EntityState.Added && version != 0)
            {
                return Error.Stale();
            }

            if (entry.State != EntityState.Added)
            {
                entry.Property(b => b.Version).OriginalValue = version;
            }
        }

        var before = $"{body.NoticeDays} j, {body.QuorumPercent} %, {French.Count(body.MaxProxiesPerHolder, "pouvoir", "pouvoirs")}";
        (body.NoticeDays, body.QuorumPercent, body.MaxProxiesPerHolder) = (input.NoticeDays!.Value, input.QuorumPercent!.Value, input.MaxProxiesPerHolder!.Value);
        if (entry.State != EntityState.Added)
        {
            entry.State = EntityState.Modified;
        }

        audit.Record(actor, cptsId, "body.updated", $"{MeetingLabels.Label(body.Kind)} {body.Id} : convocation, quorum, pouvoirs {before} → "
            + $"{body.NoticeDays} j, {body.QuorumPercent} %, {French.Count(body.MaxProxiesPerHolder, "pouvoir", "pouvoirs")}.");
        return await db.SaveAsync(body, ct);
    }

    private static void Range(List<Error> errors, int? value, int min, int max, string field, string message)
    {
        if (value is not { } v || v < min || v > max)
        {
            errors.Add(new Error("out_of_range", message, field));
        }
    }
}
