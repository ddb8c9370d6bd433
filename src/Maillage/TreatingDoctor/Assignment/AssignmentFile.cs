using System.Text.Json;
using Maillage.Platform.Errors;

namespace Maillage.TreatingDoctor.Assignment;

/// <summary>
/// The instance file of <c>maillage treating-doctor solve</c> (docs/treating-doctor.md): <c>{"weights": {...}, "proximity": {...},
/// "requests": [{"id", "commune", "criteria", "homeVisit"}], "doctors": [{"id", "commune", "capacity", "accepts", "homeVisits", "beyond"}]}</c>,
/// read with every problem named by its place in the file (<c>requests[12].criteria[1]</c>), at most 20 of them.
/// </summary>
public static class AssignmentFile
{
    private const int MaxErrors = 20;

    /// <summary>The instance, or why the file is refused.</summary>
    public static Result<AssignmentInstance> Read(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return new Error("json_invalid", $"JSON illisible (ligne {e.LineNumber + 1}, position {e.BytePositionInLine + 1}) : {e.Message}", null);
        }

        using (document)
        {
            var errors = new List<Error>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Error("json_shape", "Le fichier doit être un objet JSON {\"weights\", \"proximity\", \"requests\", \"doctors\"}.", null);
            }

            var weights = Weights(root, errors);
            var proximity = Proximity(root, errors);
            var requests = List(root, "requests", errors, Request);
            var doctors = List(root, "doctors", errors, Doctor);
            return errors.Count > 0 ? Result<AssignmentInstance>.Fail([.. errors.Take(MaxErrors)])
                : Result<AssignmentInstance>.Ok(new AssignmentInstance(weights!, proximity!, requests, doctors));
        }
    }

    /// <summary>The answer's document: <c>{"requests", "assigned", "objective", "assignments": [{"request", "doctor", "level", "value"}]}</c>.</summary>
    public static AssignmentDocument Document(AssignmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AssignmentDocument(result.Requests, result.Assigned, Math.Round(result.Objective, 6),
            [.. result.Assignments.Select(a => new AssignmentLine(a.Request, a.Doctor, AssignmentNames.Name(a.Level), Math.Round(a.Value, 6)))]);
    }

    private static PriorityWeights? Weights(JsonElement root, List<Error> errors)
    {
        if (!root.TryGetProperty("weights", out var w) || w.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new Error("weights_required", "« weights » manque : {\"base\", \"ald\", \"age70\", \"lostDoctor\", \"c2s\", \"chronic\", \"disability\", \"pregnancy\", \"precarity\"}.", "weights"));
            return null;
        }

        int Get(string name) => Integer(w, name, "weights." + name, errors) ?? 0;
        return new PriorityWeights(Get("base"), Get("ald"), Get("age70"), Get("lostDoctor"), Get("c2s"), Get("chronic"), Get("disability"),
            Get("pregnancy"), Get("precarity"));
    }

    private static ProximityFactors? Proximity(JsonElement root, List<Error> errors)
    {
        if (!root.TryGetProperty("proximity", out var p) || p.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new Error("proximity_required", "« proximity » manque : {\"commune\", \"epci\", \"departement\", \"beyond\"}.", "proximity"));
            return null;
        }

        double Get(string name)
        {
            if (p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x))
            {
                return x;
            }

            errors.Add(new Error("number_required", $"« proximity.{name} » doit être un nombre.", "proximity." + name));
            return 0;
        }

        return new ProximityFactors(Get("commune"), Get("epci"), Get("departement"), Get("beyond"));
    }

    private static List<T> List<T>(JsonElement root, string name, List<Error> errors, Func<JsonElement, string, List<Error>, T?> read)
        where T : class
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new Error(name + "_required", $"« {name} » doit être une liste.", name));
            return [];
        }

        var list = new List<T>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (errors.Count >= MaxErrors)
            {
                break;
            }

            var path = $"{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new Error("object_required", $"« {path} » doit être un objet.", path));
                continue;
            }

            if (read(item, path, errors) is { } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private static AssignmentRequest? Request(JsonElement e, string path, List<Error> errors)
    {
        var before = errors.Count;
        var id = Text(e, "id", path, errors);
        var commune = Text(e, "commune", path, errors);
        var criteria = Criteria(e, "criteria", path, errors, required: true);
        var home = Boolean(e, "homeVisit", path, errors);
        return errors.Count > before ? null : new AssignmentRequest(id!, commune!, criteria!, home);
    }

    private static AssignmentDoctor? Doctor(JsonElement e, string path, List<Error> errors)
    {
        var before = errors.Count;
        var id = Text(e, "id", path, errors);
        var commune = Text(e, "commune", path, errors);
        var capacity = Integer(e, "capacity", path + ".capacity", errors);
        var accepts = Criteria(e, "accepts", path, errors, required: false);
        var home = Boolean(e, "homeVisits", path, errors);
        var beyond = Boolean(e, "beyond", path, errors);
        return errors.Count > before ? null : new AssignmentDoctor(id!, commune!, capacity!.Value, accepts, home, beyond);
    }

    private static string? Text(JsonElement e, string name, string path, List<Error> errors)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number && v.ToString() is { Length: > 0 } text)
        {
            return text.Trim();
        }

        errors.Add(new Error("text_required", $"« {path}.{name} » manque (texte attendu).", $"{path}.{name}"));
        return null;
    }

    private static int? Integer(JsonElement e, string name, string field, List<Error> errors)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
        {
            return n;
        }

        errors.Add(new Error("integer_required", $"« {field} » doit être un nombre entier.", field));
        return null;
    }

    private static bool Boolean(JsonElement e, string name, string path, List<Error> errors)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind is JsonValueKind.Null)
        {
            return false;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        errors.Add(new Error("boolean_required", $"« {path}.{name} » doit valoir true ou false.", $"{path}.{name}"));
        return false;
    }

    /// <summary>A list of criteria names; absent or null: null (all, for a doctor) unless <paramref name="required"/> (then empty).</summary>
    private static List<Criterion>? Criteria(JsonElement e, string name, string path, List<Error> errors, bool required)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? [] : null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new Error("criteria_list", $"« {path}.{name} » doit être une liste de critères ({string.Join(", ", AssignmentNames.CriterionNames)}).", $"{path}.{name}"));
            return [];
        }

        var list = new List<Criterion>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (AssignmentNames.TryCriterion(item.ValueKind == JsonValueKind.String ? item.GetString() : null, out var c))
            {
                list.Add(c);
            }
            else
            {
                errors.Add(new Error("criterion_unknown", $"Critère inconnu « {item} » en {path}.{name}[{i}] (critères : {string.Join(", ", AssignmentNames.CriterionNames)}).",
                    $"{path}.{name}[{i}]"));
            }

            i++;
        }

        return list;
    }
}

/// <summary>The JSON of a solved instance.</summary>
public sealed record AssignmentDocument(int Requests, int Assigned, double Objective, IReadOnlyList<AssignmentLine> Assignments);

/// <summary>One proposal in <see cref="AssignmentDocument"/>.</summary>
public sealed record AssignmentLine(string Request, string Doctor, string Level, double Value);
