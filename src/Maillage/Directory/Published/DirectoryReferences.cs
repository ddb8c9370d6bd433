using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Maillage.Directory.Published;

/// <summary>How another module's table points at a professional or a structure of the directory, so the database keeps it whole.</summary>
public static class DirectoryReferences
{
    public static void ReferencesProfessional<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, object?>> professionalId, DeleteBehavior onDelete)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.HasOne<Professional>().WithMany().HasForeignKey(professionalId).OnDelete(onDelete);
    }

    public static void ReferencesStructure<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, object?>> structureId, DeleteBehavior onDelete)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.HasOne<Structure>().WithMany().HasForeignKey(structureId).OnDelete(onDelete);
    }
}
