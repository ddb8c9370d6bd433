using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Maillage.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for Postgres without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MaillageDbContext>
{
    public MaillageDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MaillageDbContext>();
        DatabaseSetting.Parse("Host=127.0.0.1;Database=design;Username=postgres").Apply(options);
        return new MaillageDbContext(options.Options);
    }
}
