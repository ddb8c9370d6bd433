using Maillage.Membership;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Membership;

/// <summary>
/// The adhérents of a CPTS: membership rates by profession for every reader (officers included), the member list with statuses and
/// dues and the colleges for the CPTS's coordinator and members, a chart of the last 24 months and the exports, and for the coordinator
/// (or an admin) the forms to add a member by RPPS and to add, rename or remove colleges.
/// </summary>
public sealed class MembersModel(ReadMembers read, ComputeMembershipRates rates, ComputeMembershipHistory history, AddMember add, ReadColleges colleges,
    AddCollege addCollege, UpdateCollege updateCollege, RemoveCollege removeCollege) : PageModel, IRefusesForms
{
    public MembershipRates? Rates { get; private set; }

    /// <summary>Members and active members at the end of each of the last 24 months, oldest first.</summary>
    public IReadOnlyList<MembershipMonth> History { get; private set; } = [];

    /// <summary>Null when the reader may see only the rates (an officer).</summary>
    public MemberList? List { get; private set; }

    /// <summary>Null when the reader may see only the rates (an officer).</summary>
    public CollegeList? Colleges { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public string? Added { get; private set; }

    /// <summary>What a college form did, in French.</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, string? rpps, string? college, string? status, DateOnly? since, CancellationToken ct)
    {
        var result = await add.RunAsync(id, new AddMemberInput(Rpps: rpps, College: college, Status: status, Since: since), HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, () => Added = rpps, ct);
    }

    public async Task<IActionResult> OnPostAddCollegeAsync(Guid id, string? name, string? description, CancellationToken ct)
    {
        var result = await addCollege.RunAsync(id, new CollegeInput(name, description), HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, () => Notice = $"Le collège « {result.Value!.Name} » est ajouté.", ct);
    }

    public async Task<IActionResult> OnPostUpdateCollegeAsync(Guid id, Guid collegeId, string? name, string? description, CancellationToken ct)
    {
        var result = await updateCollege.RunAsync(id, collegeId, new CollegeInput(name, description), HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, () => Notice = $"Le collège « {result.Value!.Name} » est enregistré ; ses adhérents le suivent.", ct);
    }

    public async Task<IActionResult> OnPostRemoveCollegeAsync(Guid id, Guid collegeId, CancellationToken ct)
    {
        var result = await removeCollege.RunAsync(id, collegeId, HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, () => Notice = $"Le collège « {result.Value!.Name} » est supprimé.", ct);
    }

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct) =>
        AfterAsync(arguments.Get<Guid>("id"), Result<object>.Fail(errors), () => { }, ct);

    private async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, Action succeeded, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            succeeded();
        }
        else
        {
            Errors = result.Errors;
            Response.StatusCode = PageErrors.StatusOf(result.Kind);
        }

        // A CPTS outside the actor's tenancy is not found, whatever the form.
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var computed = await rates.RunAsync(id, actor, ct);
        if (!computed.Succeeded)
        {
            return false;
        }

        Rates = computed.Value;
        History = (await history.RunAsync(id, actor, ct)).Value ?? [];
        List = (await read.RunAsync(id, actor, ct)).Value;
        Colleges = (await colleges.RunAsync(id, actor, ct)).Value;
        return true;
    }
}
