namespace Maillage.Platform.Persistence;

/// <summary>An editable aggregate with an application-managed concurrency token, incremented on every save.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
