using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace Maillage.Web.TreatingDoctor;

/// <summary>The poster the CPTS prints for waiting rooms and pharmacies: what the desk does, and a QR code pointing to the public form.</summary>
public sealed class AfficheModel(TreatingAccess access) : FormPageModel
{
    public TreatingScope? Scope { get; private set; }

    public string FormUrl { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.ResolveAsync(id, HttpContext.GetActor(), ct);
        if (!scope.Succeeded)
        {
            return NotFound();
        }

        Scope = scope.Value!;
        if (!Scope.Files)
        {
            return ForbiddenPage();
        }

        FormUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/medecin-traitant/{id}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(FormUrl, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(280, 280), "#000000", "#ffffff", drawQuietZones: true);
        return Page();
    }
}
