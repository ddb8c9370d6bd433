using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Maillage.Membership.Published;

/// <summary>How another module's table points at an adhérent, so the database keeps it whole.</summary>
public static class MembershipReferences
{
    /// <summary>A foreign key to an adhérent; by default an adhérent with mandates, declarations or votes cannot be deleted.</summary>
    public static void ReferencesMember<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, object?>> memberId, DeleteBehavior onDelete = DeleteBehavior.Restrict)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        entity.HasOne<Member>().WithMany().HasForeignKey(memberId).OnDelete(onDelete);
    }
}
