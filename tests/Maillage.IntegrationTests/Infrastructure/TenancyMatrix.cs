using System.Globalization;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>
/// Expands a tenancy table — one row per user with the expected status of each route, space-separated in the routes' order — into
/// the (user, route, status) cases of a theory, so a matrix reads as the table of who gets what.
/// </summary>
public static class TenancyMatrix
{
    public static TheoryData<string, string, int> Cases(IReadOnlyList<string> routes, IEnumerable<(string User, string Statuses)> table)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(table);
        var data = new TheoryData<string, string, int>();
        foreach (var (user, statuses) in table)
        {
            var codes = statuses.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (codes.Length != routes.Count)
            {
                throw new InvalidOperationException($"The row of « {user} » gives {codes.Length} statuses for {routes.Count} routes.");
            }

            for (var i = 0; i < routes.Count; i++)
            {
                data.Add(user, routes[i], int.Parse(codes[i], CultureInfo.InvariantCulture));
            }
        }

        return data;
    }
}
