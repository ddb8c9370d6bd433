using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Maillage.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for Sqlite without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MaillageDbContext>
{
    public MaillageDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MaillageDbContext>();
        DatabaseSetting.Parse("sqlite:obj/design.db").Apply(options);
        return new MaillageDbContext(options.Options);
    }
}
