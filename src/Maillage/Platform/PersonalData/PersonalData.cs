using Microsoft.Extensions.Compliance.Classification;

namespace Maillage.Platform.PersonalData;

/// <summary>The data classes of the platform, for redaction in logs.</summary>
public static class MaillageTaxonomy
{
    public const string Name = "Maillage";

    /// <summary>Anything that identifies a person: names, e-mail addresses, phone numbers, NIR, health data.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));
}

/// <summary>Marks a log parameter or member as personal data: it is erased before any log sink sees it.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute() : DataClassificationAttribute(MaillageTaxonomy.PersonalData);
