using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Maillage.Territories.Published;

/// <summary>How another module's table points at the reference geography, so the database keeps it whole.</summary>
public static class GeographyReferences
{
    /// <summary>A foreign key to a commune (or arrondissement) of the loaded geography: a commune in use cannot be removed.</summary>
    public static void ReferencesCommune<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, object?>> code)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.HasOne<GeoUnitRow>().WithMany().HasForeignKey(code).OnDelete(DeleteBehavior.Restrict);
    }
}
