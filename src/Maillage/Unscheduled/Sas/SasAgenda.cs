using System.Globalization;

namespace Maillage.Unscheduled.Sas;

/// <summary>
/// The national identifiers and the stable ids the SAS interface gives our data (docs/sas.md): a practitioner is its IDNPS (<c>8</c> +
/// RPPS), whichever CPTS enrolled it; a schedule (and its practitioner role) is one effector at one place, its id the two GUIDs in hex
/// (64 characters, the most a FHIR id allows); a CPTS is its GUID.
/// </summary>
public static class SasIds
{
    /// <summary>The national id of health professionals (IDNPS).</summary>
    public const string IdnpsSystem = "urn:oid:1.2.250.1.71.4.2.1";

    /// <summary>The national id of structures (IDNST).</summary>
    public const string IdnstSystem = "urn:oid:1.2.250.1.71.4.2.2";

    /// <summary>The most practitioners one slot search may name (SAS guide, CPTS l. 128–135).</summary>
    public const int MaxPractitioners = 25;

    /// <summary>« 810002909371 » for the RPPS « 10002909371 ».</summary>
    public static string Idnps(string rpps) => "8" + rpps;

    /// <summary>
    /// The RPPS an IDNPS value names: <c>8</c> + 11 digits, or the 11 digits alone (our directory stores it without the prefix); null for any
    /// other form (an ADELI <c>0</c>…, a structure's <c>3…/…</c>), which no effector of ours carries.
    /// </summary>
    public static string? Rpps(string? value)
    {
        var v = value?.Trim() ?? "";
        return v.Length == 12 && v[0] == '8' && v.All(char.IsAsciiDigit) ? v[1..]
            : v.Length == 11 && v.All(char.IsAsciiDigit) ? v
            : null;
    }

    public static string ScheduleId(Guid effectorId, Guid placeId) => effectorId.ToString("N") + placeId.ToString("N");

    /// <summary>The effector and place of a schedule (or practitioner role) id, false when it is not one of ours.</summary>
    public static bool TryParseScheduleId(string? id, out Guid effectorId, out Guid placeId)
    {
        effectorId = placeId = Guid.Empty;
        return id is { Length: 64 }
            && Guid.TryParseExact(id[..32], "N", out effectorId)
            && Guid.TryParseExact(id[32..], "N", out placeId);
    }

    /// <summary>« +33254771234 » for « 02 54 77 12 34 »; null when it is not a French number we can write in that form.</summary>
    public static string? Phone(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        var plus = (phone ?? "").TrimStart().StartsWith('+');
        return plus && digits.Length is >= 8 and <= 15 ? "+" + digits
            : digits.Length == 10 && digits[0] == '0' ? "+33" + digits[1..]
            : null;
    }
}

/// <summary>What the SAS asks for: slots starting in [<paramref name="From"/>, <paramref name="To"/>] of these RPPS; the CPTS flow (INT_R04)
/// or the individual one (INT_R01).</summary>
public sealed record SasSlotQuery(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Rpps, bool CptsCase);

/// <summary>A professional as the SAS sees it: one per RPPS, whichever CPTS enrolled it.</summary>
public sealed record SasPractitioner(string Rpps, string FamilyName, string GivenName, string? SpecialtyCode)
{
    public string Id => SasIds.Idnps(Rpps);
}

/// <summary>An effector at a place: the SAS's Schedule and PractitionerRole (same id), with the place of consultation it contains.</summary>
public sealed record SasSchedule(Guid EffectorId, Guid PlaceId, Guid CptsId, string Rpps, string PlaceName, string Address, string CommuneCode,
    string City, string? PostalCode, string? Phone)
{
    public string Id => SasIds.ScheduleId(EffectorId, PlaceId);
}

/// <summary>A free slot the SAS may show; <see cref="Cpts"/> is the CPTS it is open to as a CPTS slot (TRE_R314 CPTS), if it is.</summary>
/// <see cref="Zone"/> is the time zone of its CPTS, to write its hours as they are read there.
public sealed record SasSlot(Guid Id, Guid CptsId, string ScheduleId, DateTimeOffset Start, DateTimeOffset End, SlotKind Kind,
    SlotAudience Audience, string? SpecialtyCode, Guid? Cpts, TimeZoneInfo Zone);

/// <summary>A CPTS as the SAS names it: its HealthcareService and Organization.</summary>
public sealed record SasCpts(Guid Id, string Name, string? Siret, string? Phone, string? Finess = null);

/// <summary>Everything one answer carries: the matched slots and what they refer to, each once.</summary>
public sealed record SasAgenda(IReadOnlyList<SasSlot> Slots, IReadOnlyList<SasSchedule> Schedules, IReadOnlyList<SasPractitioner> Practitioners,
    IReadOnlyList<SasCpts> Cpts)
{
    public static SasAgenda Empty { get; } = new([], [], [], []);
}

/// <summary>The slot types of TRE_R314 a slot carries, and which the individual flow may show (JDV_J165: no CPTS).</summary>
public static class SasAudience
{
    public const SlotAudience All = SlotAudience.SasSnp | SlotAudience.SasCpts | SlotAudience.SasPro | SlotAudience.SasPublic;

    public const SlotAudience Individual = SlotAudience.SasSnp | SlotAudience.SasPro | SlotAudience.SasPublic;

    /// <summary>Whether the SAS may see this slot at all: published to it with some slot type and not withdrawn (free or not, past or not).</summary>
    public static bool Offered(Slot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return slot.WithdrawnAt is null && (slot.Audience & All) != 0;
    }

    /// <summary>The TRE_R314 codes of an audience (PUBLIC, PRO, SNP, CPTS), those of the individual flow only unless <paramref name="cptsCase"/>.</summary>
    public static IReadOnlyList<string> Codes(SlotAudience audience, bool cptsCase)
    {
        var codes = new List<string>();
        if (audience.HasFlag(SlotAudience.SasPublic))
        {
            codes.Add("PUBLIC");
        }

        if (audience.HasFlag(SlotAudience.SasPro))
        {
            codes.Add("PRO");
        }

        if (audience.HasFlag(SlotAudience.SasSnp))
        {
            codes.Add("SNP");
        }

        if (cptsCase && audience.HasFlag(SlotAudience.SasCpts))
        {
            codes.Add("CPTS");
        }

        return codes;
    }
}

/// <summary>Where the SAS sends a regulator to book a slot (the SAS appends <c>origin=sas</c>).</summary>
public static class SasLinks
{
    public static string Booking(string publicBaseUrl, Guid cptsId, Guid slotId) =>
        string.Create(CultureInfo.InvariantCulture, $"{publicBaseUrl.TrimEnd('/')}/cpts/{cptsId}/snp/reserver?slot={slotId}");
}
