using Maillage.Directory.Published;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maillage.Directory;

/// <summary>Wires the Directory module: the national directory of professionals and structures, its imports and what each CPTS sees of it.</summary>
public static class DirectoryModule
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddSingleton(_ => Nomenclatures.LoadEmbedded());
        services.AddScoped<DirectoryLookup>();
        services.AddScoped<MergeDirectory>();
        services.AddScoped<ReadDirectoryCsv>();
        services.TryAddScoped<Annuaire.ReadAnnuaireBundle>();
        services.AddScoped<ReadDirectory>();
        services.AddScoped<ExportDirectory>();
        services.AddScoped<ImportDirectory>();
        return services;
    }
}
