using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.IntegrationTests.Platform;

/// <summary>The migrations of both providers describe the model the code has: a forgotten `dotnet ef migrations add` fails here.</summary>
public sealed class Migrations
{
    [Theory]
    [InlineData("sqlite:/tmp/maillage-model-check.db")]
    [InlineData("Host=127.0.0.1;Database=maillage_model_check;Username=postgres")]
    public void The_model_has_no_change_left_out_of_the_migrations(string setting)
    {
        var options = new DbContextOptionsBuilder<MaillageDbContext>();
        DatabaseSetting.Parse(setting).Apply(options);
        using var db = new MaillageDbContext(options.Options);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {db.Database.ProviderName} migrations lag behind the model: run dotnet ef migrations add.");
    }
}
