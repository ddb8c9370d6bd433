using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Maillage.Lifecycle.Published;

/// <summary>How another module's table points at the CPTS its rows belong to, so the database keeps it whole.</summary>
public static class CptsReferences
{
    /// <summary>A foreign key to the CPTS; by default the rows go with their CPTS when it is deleted.</summary>
    public static void BelongsToCpts<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, object?>> cptsId, DeleteBehavior onDelete = DeleteBehavior.Cascade)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.HasOne<Cpts>().WithMany().HasForeignKey(cptsId).OnDelete(onDelete);
    }
}
