using Maillage.Directory;
using Maillage.Membership;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Directory.Published;

namespace Maillage.Web.Directory;

/// <summary>
/// The directory of a CPTS: search and filters, a page of professionals, counts by profession, structures, exports, and
/// for its coordinator (or an admin) the import of a directory file with its report, and on each professional of the page either its
/// membership status or a button that makes it a member.
/// </summary>
[RequestSizeLimit(DirectoryEndpoints.MaxUpload)]
public sealed class ProfessionalsModel(ReadDirectory read, ImportDirectory import, Nomenclatures nomenclatures, ReadMembers members, AddMember add) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Profession { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Structure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Membership { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public Nomenclatures Nomenclatures => nomenclatures;

    public DirectoryListing? Listing { get; private set; }

    /// <summary>Whether the reader may filter by membership (the CPTS's members and managers).</summary>
    public bool SeesMembers { get; private set; }

    public IReadOnlyList<DirectoryStructure> Structures { get; private set; } = [];

    /// <summary>The communes of the territory, by name, for the filter.</summary>
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public DirectoryMergeReport? Report { get; private set; }

    /// <summary>Whether the reader manages the CPTS's members (and so sees the membership column).</summary>
    public bool CanMakeMembers { get; private set; }

    /// <summary>The membership of the professionals of the page, for those who have an adhérent record (managers only).</summary>
    public IReadOnlyDictionary<Guid, ProfessionalMembership> Memberships { get; private set; } = new Dictionary<Guid, ProfessionalMembership>();

    /// <summary>The professional just made a member.</summary>
    public Guid? MadeMember { get; private set; }

    public string? ImportedFile { get; private set; }

    /// <summary>The refused records by line, whatever step refused them (reading or checking).</summary>
    public IEnumerable<RejectedRecord> RejectedInFileOrder => (Report?.Rejected ?? []).OrderBy(r => LineOf(r.Record)).ThenBy(r => r.Record, StringComparer.Ordinal);

    public DirectoryQuery Query => DirectoryEndpoints.Query(Q, Profession, Commune, Structure, PageNumber, DirectoryQuery.DefaultPageSize, Membership);

    public bool Filtered => Query with { Page = 1 } != new DirectoryQuery();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors = [new Error("file_required", "Choisissez un fichier .csv ou .json à importer.", "file")];
            Response.StatusCode = PageErrors.StatusOf(ErrorKind.Validation);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        await using var stream = file.OpenReadStream();
        var result = await import.RunAsync(stream, file.FileName, id, HttpContext.GetActor(), null, ct);
        if (result.Kind == ErrorKind.NotFound && !result.Succeeded)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            (Report, ImportedFile) = (result.Value, Path.GetFileName(file.FileName));
        }
        else
        {
            Errors = result.Errors;
            Response.StatusCode = PageErrors.StatusOf(result.Kind);
        }

        (Q, Profession, Commune, Structure, PageNumber) = (null, null, null, null, null);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Makes a professional of the territory a member from today (status member), then shows the same page of the directory.</summary>
    public async Task<IActionResult> OnPostMakeMemberAsync(Guid id, Guid professionalId, CancellationToken ct)
    {
        var result = await add.RunAsync(id, new AddMemberInput(ProfessionalId: professionalId, Status: "member"), HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            MadeMember = professionalId;
        }
        else
        {
            Errors = result.Errors;
            Response.StatusCode = PageErrors.StatusOf(result.Kind);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Where a form of the table posts: this page with its filters and page number, and the handler.</summary>
    public string HandlerLink(string handler)
    {
        var url = Link($"/cpts/{Listing!.CptsId}/annuaire", Listing.Page);
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + Uri.EscapeDataString(handler);
    }

    /// <summary>The URL of this page or an export with the current filters and another page or format.</summary>
    public string Link(string path, int? page = null, string? format = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new(key, value));
            }
        }

        Add("format", format);
        Add("q", Q);
        Add("profession", Profession);
        Add("commune", Commune);
        Add("structure", Structure?.ToString());
        Add("membership", Membership);
        Add("page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return path + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }

    private static int LineOf(string record)
    {
        var digits = string.Concat(record.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit));
        return record.StartsWith("ligne", StringComparison.Ordinal) && int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : int.MaxValue;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var scope = await read.ScopeAsync(id, actor, ct);
        if (!scope.Succeeded)
        {
            return false;
        }

        Communes = [.. scope.Value!.Communes.Select(c => (c, read.CommuneName(c))).OrderBy(c => c.Item2, StringComparer.Create(Maillage.Platform.French.Culture, true))];
        Structures = (await read.StructuresAsync(id, actor, ct)).Value ?? [];
        SeesMembers = scope.Value.SeesMembers;
        var listing = await read.SearchAsync(id, Query, actor, ct);
        if (listing.Succeeded)
        {
            Listing = listing.Value;
            CanMakeMembers = scope.Value.Tenant.ManagesMembers();
            if (CanMakeMembers)
            {
                Memberships = await members.OfProfessionalsAsync(id, [.. Listing!.Items.Select(e => e.Id)], ct);
            }
        }
        else
        {
            Errors = [.. Errors, .. listing.Errors];
            Response.StatusCode = PageErrors.StatusOf(listing.Kind);
            Listing = (await read.SearchAsync(id, new DirectoryQuery(), actor, ct)).Value! with { Items = [], Total = 0 };
        }

        return true;
    }
}
