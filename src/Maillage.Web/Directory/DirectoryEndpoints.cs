using Maillage.Directory;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Maillage.Directory.Published;

namespace Maillage.Web.Directory;

/// <summary>The directory of a CPTS (<c>/api/cpts/{id}/directory</c>) and its nomenclatures (<c>/api/directory</c>).</summary>
public static class DirectoryEndpoints
{
    /// <summary>Largest directory file accepted through the web (50 Mio); a national Annuaire goes through <c>maillage directory import</c>.</summary>
    public const long MaxUpload = 50L * 1024 * 1024;

    public sealed record PlaceDto(string CommuneCode, string CommuneName, string? Address, Guid? StructureId, string? StructureName, string? StructureKind);

    public sealed record EntryDto(Guid Id, string Rpps, string LastName, string FirstName, string Profession, string ProfessionLabel,
        string? Specialty, string? SpecialtyLabel, string PracticeMode, string PracticeModeLabel, string? MssanteAddress,
        string? WorkEmail, string? WorkPhone, bool? PublishContacts, IReadOnlyList<PlaceDto> Places);

    public sealed record ListingDto(Guid CptsId, string CptsName, int Total, int Page, int PageSize, int PageCount, int TerritoryTotal,
        bool ContactsVisible, IReadOnlyList<EntryDto> Items, IReadOnlyList<ProfessionCount> ByProfession, IReadOnlyList<CommuneCount> ByCommune);

    public sealed record StructureDto(Guid Id, string Kind, string KindLabel, string Name, string? Finess, string? Siret, string CommuneCode,
        string CommuneName, string? Address, string? Phone, string? Email, int Professionals);

    public sealed record CodeLabel(string Code, string Label);

    public sealed record NomenclaturesDto(string Source, IReadOnlyList<CodeLabel> Professions, IReadOnlyList<CodeLabel> Specialties,
        IReadOnlyList<CodeLabel> PracticeModes, IReadOnlyList<CodeLabel> StructureKinds);

    public static void MapDirectoryApi(this WebApplication app)
    {
        var directory = app.MapGroup("/api/cpts/{id:guid}/directory").RequireAuthorization().WithTags("Directory");
        directory.MapGet("/", Search).WithName("SearchDirectory")
            .WithSummary("Professionals practising in the CPTS's territory, filtered (q, profession, commune, structure, membership: member|active|prospect|former|none for the CPTS's members and managers) and paged (pageSize ≤ 200); "
                + "work contacts only when the caller may see them")
            .Produces<ListingDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        directory.MapGet("/structures", Structures).WithName("DirectoryStructures")
            .WithSummary("Structures of the territory with the number of professionals practising there")
            .Produces<List<StructureDto>>().ProducesProblem(StatusCodes.Status404NotFound);
        directory.MapGet("/export", Export).WithName("ExportDirectory")
            .WithSummary("The filtered directory as CSV (format=csv), Excel (xlsx) or vCard 4.0 (vcf); only published work contacts")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        directory.MapPost("/import", Import).WithName("ImportDirectory")
            .WithSummary("Loads a directory file (multipart field `file`: Annuaire Santé FHIR Bundle .json or CSV .csv) into the CPTS's territory; "
                + "coordinator or admin")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<DirectoryMergeReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUpload))
            // Multipart API calls carry a bearer token or a SameSite=Lax cookie: a cross-site form cannot post with the session.
            .DisableAntiforgery();

        var national = app.MapGroup("/api/directory").RequireAuthorization().WithTags("Directory");
        national.MapGet("/nomenclatures", Nomenclatures).WithName("DirectoryNomenclatures")
            .WithSummary("Codes and French labels: professions (TRE_G15), specialties (TRE_R38), practice modes (TRE_R23), structure kinds")
            .Produces<NomenclaturesDto>();
        national.MapPost("/import", ImportNational).WithName("ImportDirectoryNationally")
            .WithSummary("Loads a directory file for every territory (multipart field `file`); administrators only")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<DirectoryMergeReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUpload))
            .DisableAntiforgery();
    }

    public static DirectoryQuery Query(string? q, string? profession, string? commune, Guid? structure, int? page, int? pageSize,
        string? membership = null) =>
        new(Blank(q), Blank(profession), Blank(commune)?.ToUpperInvariant(), structure, page ?? 1, pageSize ?? DirectoryQuery.DefaultPageSize,
            Blank(membership)?.ToLowerInvariant());

    public static EntryDto ToDto(DirectoryEntry e) => new(e.Id, e.Rpps, e.LastName, e.FirstName, e.ProfessionCode, e.Profession, e.SpecialtyCode,
        e.Specialty, Kebab(e.PracticeMode.ToString()), e.PracticeMode.French(), e.MssanteAddress, e.WorkEmail, e.WorkPhone, e.PublishContacts,
        [.. e.Places.Select(p => new PlaceDto(p.CommuneCode, p.CommuneName, p.Address, p.Structure?.Id, p.Structure?.Name,
            p.Structure is { } s ? Kebab(s.Kind.ToString()) : null))]);

    private static async Task<IResult> Search(Guid id, string? q, string? profession, string? commune, Guid? structure, string? membership, int? page, int? pageSize,
        HttpContext http, ReadDirectory read, CancellationToken ct)
    {
        var result = await read.SearchAsync(id, Query(q, profession, commune, structure, page, pageSize, membership), http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var l = result.Value!;
        return TypedResults.Ok(new ListingDto(l.CptsId, l.CptsName, l.Total, l.Page, l.PageSize, l.PageCount, l.TerritoryTotal, l.Rights.Contacts,
            [.. l.Items.Select(ToDto)], l.ByProfession, l.ByCommune));
    }

    private static async Task<IResult> Structures(Guid id, HttpContext http, ReadDirectory read, CancellationToken ct)
    {
        var result = await read.StructuresAsync(id, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!.Select(s => new StructureDto(s.Id, Kebab(s.Kind.ToString()), s.Kind.French(), s.Name, s.Finess, s.Siret,
                s.CommuneCode, s.CommuneName, s.Address, s.Phone, s.Email, s.Professionals)).ToList())
            : result.ToProblem();
    }

    private static async Task<IResult> Export(Guid id, string? format, string? q, string? profession, string? commune, Guid? structure,
        string? membership, HttpContext http, ExportDirectory export, CancellationToken ct)
    {
        var parsed = ExportDirectory.ParseFormat(format);
        if (!parsed.Succeeded)
        {
            return parsed.ToProblem();
        }

        var stream = new MemoryStream();
        var result = await export.RunAsync(id, Query(q, profession, commune, structure, 1, 1, membership), parsed.Value, http.GetActor(), stream, ct);
        if (!result.Succeeded)
        {
            await stream.DisposeAsync();
            return result.ToProblem();
        }

        stream.Position = 0;
        return TypedResults.File(stream, result.Value!.ContentType, result.Value.FileName);
    }

    private static Task<IResult> Import(Guid id, IFormFile? file, HttpContext http, ImportDirectory import, CancellationToken ct) =>
        RunImportAsync(id, file, http, import, ct);

    private static Task<IResult> ImportNational(IFormFile? file, HttpContext http, ImportDirectory import, CancellationToken ct) =>
        RunImportAsync(null, file, http, import, ct);

    private static async Task<IResult> RunImportAsync(Guid? id, IFormFile? file, HttpContext http, ImportDirectory import, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return new[]
            {
                file is null
                    ? new Error("file_required", "Joignez le fichier de l'annuaire (champ « file » d'un envoi multipart/form-data).", "file")
                    : new Error("empty_file", $"Le fichier « {Path.GetFileName(file.FileName)} » est vide.", "file"),
            }.ToProblem();
        }

        await using var stream = file.OpenReadStream();
        var result = await import.RunAsync(stream, file.FileName, id, http.GetActor(), null, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.ToProblem();
    }

    private static Ok<NomenclaturesDto> Nomenclatures(Nomenclatures n) => TypedResults.Ok(new NomenclaturesDto(n.Source,
        [.. n.Professions.Select(p => new CodeLabel(p.Key, p.Value))],
        [.. n.Specialties.Select(p => new CodeLabel(p.Key, p.Value))],
        [.. Enum.GetValues<PracticeMode>().Select(m => new CodeLabel(Kebab(m.ToString()), m.French()))],
        [.. Enum.GetValues<StructureKind>().Select(k => new CodeLabel(Kebab(k.ToString()), k.French()))]));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Enum names as the JSON of the API writes them (kebab-case), so codes read the same everywhere.</summary>
    private static string Kebab(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
