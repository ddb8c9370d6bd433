using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Persistence;

/// <summary>
/// A module's part of the model: its tables (named after the module), keys, indexes and the relations it declares. Every
/// implementation in the domain assembly is applied by <see cref="MaillageDbContext"/>; a new module adds one and nothing else.
/// </summary>
public interface IModuleModel
{
    void Configure(ModelBuilder b);
}

/// <summary>The <see cref="IModuleModel"/>s of the domain, found once, in a stable order.</summary>
public static class ModuleModels
{
    public static IReadOnlyList<IModuleModel> All { get; } = [.. typeof(IModuleModel).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModuleModel).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IModuleModel)Activator.CreateInstance(t)!)];
}
