using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;

namespace Maillage.Web.Platform;

/// <summary>
/// What the framework refuses before a handler runs — a body it cannot read, a parameter it cannot bind, a wrong content type —
/// said in French: what is wrong, where (the field's JSON path with its line and column, or the parameter and its value) and what
/// was expected, from the target type. The framework only gives English sentences (constant templates of the request delegate
/// factory) and, for JSON, the <see cref="JsonException"/>; the parameter's type comes from the endpoint's handler.
/// </summary>
internal static partial class BadRequests
{
    private const string Body = "Le corps de la requête";

    /// <summary>A 400 (or 415, 413…) problem with a French <c>detail</c> and the same sentence under the field in <c>errors</c>.</summary>
    public static HttpValidationProblemDetails Describe(BadHttpRequestException error, HttpContext context, Endpoint? endpoint)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(context);
        var json = context.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions;
        var (field, message) = Explain(error, context, endpoint, json);
        var status = error.StatusCode is >= 400 and < 500 ? error.StatusCode : StatusCodes.Status400BadRequest;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
        {
            Title = Titles.TryGetValue(status, out var title) ? title : Titles[StatusCodes.Status400BadRequest],
            Status = status,
            Detail = message,
        };
    }

    private static (string Field, string Message) Explain(BadHttpRequestException error, HttpContext context, Endpoint? endpoint,
        JsonSerializerOptions? json)
    {
        var text = error.Message;
        if (error.InnerException is JsonException jsonError && UnreadableBody().Match(text) is { Success: true } body)
        {
            return UnreadableJson(jsonError, ParameterType(endpoint, body.Groups["name"].Value) ?? RequestType(endpoint), json);
        }

        if (UnreadableBody().Match(text) is { Success: true } form)
        {
            var name = form.Groups["name"].Value;
            return (name, form.Groups["format"].Value == "form"
                ? $"{Body} n'est pas un formulaire lisible (multipart/form-data ou application/x-www-form-urlencoded) : le champ « {name} » n'a pas pu être lu."
                : $"{Body} n'a pas pu être lu comme du JSON.");
        }

        if (UnmappableForm().Match(text) is { Success: true } unmappable)
        {
            var name = unmappable.Groups["name"].Value;
            return (name, $"Le formulaire envoyé ne correspond pas à ce qui est attendu pour « {name} ».");
        }

        if (Unbindable().Match(text) is { Success: true } unbindable)
        {
            var parameter = Parameter(endpoint, unbindable.Groups["name"].Value);
            var key = Key(parameter, unbindable.Groups["name"].Value);
            return (key, $"Le paramètre « {key} » vaut « {unbindable.Groups["value"].Value} »" + Expecting(ExpectedOf(parameter?.ParameterType, json: null)));
        }

        if (Missing().Match(text) is { Success: true } missing)
        {
            var parameter = Parameter(endpoint, missing.Groups["name"].Value);
            var source = missing.Groups["source"].Value;
            if (source == "body")
            {
                return EmptyBody(parameter?.ParameterType ?? RequestType(endpoint), json);
            }

            var key = Key(parameter, missing.Groups["name"].Value);
            var what = source switch
            {
                "header" => $"L'en-tête « {key} » est obligatoire",
                "form file" or "form" => $"Le champ « {key} » du formulaire est obligatoire",
                _ => $"Le paramètre « {key} » est obligatoire",
            };
            return (key, what + Expecting(ExpectedOf(parameter?.ParameterType, source.StartsWith("form", StringComparison.Ordinal) ? null : json)));
        }

        if (MissingImplicitBody().IsMatch(text))
        {
            return EmptyBody(RequestType(endpoint), json);
        }

        if (WrongContentType().Match(text) is { Success: true } wrong)
        {
            return ("", UnsupportedContentType(context, wrong.Groups["format"].Value == "form" ? FormTypes : [JsonType]));
        }

        if (InvalidAntiforgery().IsMatch(text))
        {
            return ("", "Le jeton anti-contrefaçon du formulaire est absent ou périmé : rechargez la page puis renvoyez le formulaire.");
        }

        return ("", error.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge =>
                $"{Body} dépasse {(endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? WebPlatform.MaxRequestBody) / 1024} Kio.",
            StatusCodes.Status415UnsupportedMediaType => UnsupportedContentType(context, AcceptedContentTypes(context)),
            StatusCodes.Status408RequestTimeout => $"{Body} est arrivé trop lentement.",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "Les en-têtes de la requête sont trop volumineux.",
            _ => "La requête est mal formée et n'a pas pu être lue.",
        });
    }

    /// <summary>
    /// Fills a problem the framework wrote by itself (no detail) with French words: the 415 of a body whose content type the endpoint
    /// does not accept (routing refuses it before the handler: the expected type is read from the endpoint of that method and path),
    /// and the French title of its status.
    /// </summary>
    public static void InFrench(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (Titles.TryGetValue(status, out var title))
        {
            problem.Title = title;
        }

        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            problem.Detail = UnsupportedContentType(context.HttpContext, AcceptedContentTypes(context.HttpContext));
            problem.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [""] = [problem.Detail] };
        }

        if (status == StatusCodes.Status400BadRequest && context.Exception is null && Unparsed(context.HttpContext) is { } unparsed)
        {
            problem.Detail = unparsed.Message;
            problem.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [unparsed.Field] = [unparsed.Message] };
        }
    }

    /// <summary>
    /// The request delegates generated at build time answer a bare 400 when an optional value of the query or the route cannot be parsed
    /// (a nullable <c>int?</c> or <c>Guid?</c>), without the exception the runtime factory threw: the parameter is found again from the
    /// endpoint's binding metadata, the first whose value does not parse, and named with its value and the type expected.
    /// </summary>
    private static (string Field, string Message)? Unparsed(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint)
        {
            return null;
        }

        foreach (var binding in endpoint.Metadata.OfType<IParameterBindingMetadata>().Where(b => b.HasTryParse))
        {
            var key = Key(binding.ParameterInfo, binding.Name);
            var raw = context.Request.RouteValues.TryGetValue(key, out var routed) && routed is string r ? r
                : context.Request.Query.TryGetValue(key, out var queried) ? queried.ToString() : null;
            if (string.IsNullOrEmpty(raw) || Parses(Nullable.GetUnderlyingType(binding.ParameterInfo.ParameterType) ?? binding.ParameterInfo.ParameterType, raw))
            {
                continue;
            }

            return (key, $"Le paramètre « {key} » vaut « {raw} »" + Expecting(ExpectedOf(binding.ParameterInfo.ParameterType, json: null)));
        }

        return null;
    }

    /// <summary>Whether the value parses as the framework parses it: an enum by name, else the type's own <c>TryParse</c>.</summary>
    private static bool Parses(Type type, string value)
    {
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out _);
        }

        var withCulture = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withCulture is not null)
        {
            return (bool)withCulture.Invoke(null, [value, System.Globalization.CultureInfo.InvariantCulture, null])!;
        }

        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [value, null])!;
    }

    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "Requête invalide",
        [StatusCodes.Status401Unauthorized] = "Authentification requise",
        [StatusCodes.Status403Forbidden] = "Accès refusé",
        [StatusCodes.Status404NotFound] = "Introuvable",
        [StatusCodes.Status405MethodNotAllowed] = "Méthode non autorisée",
        [StatusCodes.Status406NotAcceptable] = "Format de réponse non disponible",
        [StatusCodes.Status408RequestTimeout] = "Délai dépassé",
        [StatusCodes.Status409Conflict] = "Conflit",
        [StatusCodes.Status413PayloadTooLarge] = "Requête trop volumineuse",
        [StatusCodes.Status415UnsupportedMediaType] = "Type de contenu non pris en charge",
        [StatusCodes.Status422UnprocessableEntity] = "Données invalides",
        [StatusCodes.Status429TooManyRequests] = "Trop de requêtes",
        [StatusCodes.Status500InternalServerError] = "Erreur interne",
        [StatusCodes.Status503ServiceUnavailable] = "Service indisponible",
    };

    private const string JsonType = "application/json";

    private static readonly string[] FormTypes = ["multipart/form-data", "application/x-www-form-urlencoded"];

    private static string UnsupportedContentType(HttpContext context, IReadOnlyList<string> accepted)
    {
        var sent = context.Request.ContentType is { Length: > 0 } type ? $"reçu « {type} »" : "aucun en-tête Content-Type n'a été envoyé";
        var kind = accepted.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)) ? "du JSON"
            : accepted.Any(t => t.Contains("form", StringComparison.OrdinalIgnoreCase)) ? "un formulaire"
            : "d'un autre type";
        return accepted.Count == 0
            ? $"{Body} n'est pas d'un type accepté à cette adresse ; {sent}."
            : $"{Body} doit être {kind} (Content-Type: {string.Join(" ou ", accepted)}) ; {sent}.";
    }

    /// <summary>The content types the endpoint of this method and path accepts (none known: empty).</summary>
    private static IReadOnlyList<string> AcceptedContentTypes(HttpContext context)
    {
        var endpoints = context.RequestServices.GetService<EndpointDataSource>()?.Endpoints ?? [];
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not { } accepts
                || (methods is { Count: > 0 } && !methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults));
            if (matcher.TryMatch(context.Request.Path, new RouteValueDictionary()))
            {
                return accepts.ContentTypes;
            }
        }

        return [];
    }

    /// <summary>Syntax errors (the JSON reader's own exception is the inner one) and values of the wrong type, with their place.</summary>
    private static (string Field, string Message) UnreadableJson(JsonException error, Type? bodyType, JsonSerializerOptions? json)
    {
        var path = error.Path is { Length: > 1 } p && p.StartsWith('$') ? p[1..].TrimStart('.') : "";
        var where = error.LineNumber is { } line
            ? $"ligne {line + 1}, colonne {(error.BytePositionInLine ?? 0) + 1}"
            : null;
        if (error.InnerException is JsonException)
        {
            var place = where is null ? "" : $" (erreur de syntaxe à la {where}{(path.Length > 0 ? $", dans « {path} »" : "")})";
            return (path, $"{Body} n'est pas du JSON valide{place}" + Expecting(ExpectedOf(bodyType, json)));
        }

        var at = where is null ? "" : $" ({where})";
        if (path.Length == 0)
        {
            return ("", $"{Body} n'a pas la forme attendue{at}" + Expecting(ExpectedOf(bodyType, json)));
        }

        var expected = bodyType is null || json is null ? null : ExpectedOf(TypeAt(bodyType, path, json), json);
        return (path, $"Valeur invalide pour le champ « {path} »{at}" + Expecting(expected));
    }

    private static (string Field, string Message) EmptyBody(Type? bodyType, JsonSerializerOptions? json) =>
        ("", $"{Body} est vide" + Expecting(ExpectedOf(bodyType, json) ?? new Expectation("un objet JSON", "objets JSON", false)));

    private static string Expecting(Expectation? expected) =>
        expected is null ? "." : $" : {expected.Phrase} est {(expected.Feminine ? "attendue" : "attendu")}.";

    /// <summary>What a value of this type looks like, in French, with the plural used for the elements of a list.</summary>
    private static Expectation? ExpectedOf(Type? type, JsonSerializerOptions? json)
    {
        if (type is null)
        {
            return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Known.TryGetValue(type, out var known))
        {
            return known;
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(n => $"« {(json is null ? n : JsonNamingPolicy.KebabCaseLower.ConvertName(n))} »").ToArray();
            var list = names.Length > 1 ? string.Join(", ", names[..^1]) + " ou " + names[^1] : names.FirstOrDefault() ?? "";
            return new Expectation($"l'une des valeurs {list}", $"valeurs parmi {list}", true);
        }

        if (typeof(IFormFile).IsAssignableFrom(type))
        {
            return new Expectation("un fichier", "fichiers", false);
        }

        var info = json is null ? null : TypeInfo(type, json);
        switch (info?.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                var element = ExpectedOf(info.ElementType, json);
                return new Expectation(element is null ? "une liste JSON" : $"une liste JSON de {element.Plural}", "listes JSON", true);
            case JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary:
                return new Expectation("un objet JSON", "objets JSON", false);
            default:
                return null;
        }
    }

    private static readonly Dictionary<Type, Expectation> Known = Build();

    private static Dictionary<Type, Expectation> Build()
    {
        var integer = new Expectation("un nombre entier", "nombres entiers", false);
        var number = new Expectation("un nombre", "nombres", false);
        var moment = new Expectation("une date et une heure au format AAAA-MM-JJTHH:MM:SS", "dates et heures au format AAAA-MM-JJTHH:MM:SS", true);
        var known = new Dictionary<Type, Expectation>
        {
            [typeof(string)] = new("un texte", "textes", false),
            [typeof(char)] = new("un caractère", "caractères", false),
            [typeof(bool)] = new("true ou false", "valeurs true ou false", false),
            [typeof(Guid)] = new("un identifiant (GUID)", "identifiants (GUID)", false),
            [typeof(DateOnly)] = new("une date au format AAAA-MM-JJ", "dates au format AAAA-MM-JJ", true),
            [typeof(TimeOnly)] = new("une heure au format HH:MM", "heures au format HH:MM", true),
            [typeof(TimeSpan)] = new("une durée au format HH:MM:SS", "durées au format HH:MM:SS", true),
            [typeof(DateTime)] = moment,
            [typeof(DateTimeOffset)] = moment,
            [typeof(decimal)] = number,
            [typeof(double)] = number,
            [typeof(float)] = number,
        };
        foreach (var t in new[] { typeof(int), typeof(long), typeof(short), typeof(byte), typeof(sbyte), typeof(uint), typeof(ulong), typeof(ushort) })
        {
            known[t] = integer;
        }

        return known;
    }

    /// <summary>The type found at a JSON path (<c>territory[0]</c>, <c>rates[1].amount</c>) of the body's type, as the serializer sees it.</summary>
    private static Type? TypeAt(Type root, string path, JsonSerializerOptions json)
    {
        var type = root;
        foreach (var segment in Segments(path))
        {
            var info = TypeInfo(Nullable.GetUnderlyingType(type) ?? type, json);
            type = (segment, info?.Kind) switch
            {
                (int, JsonTypeInfoKind.Enumerable) or (string, JsonTypeInfoKind.Dictionary) => info!.ElementType,
                (string name, JsonTypeInfoKind.Object) => info!.Properties.FirstOrDefault(p => string.Equals(p.Name, name,
                    json.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))?.PropertyType,
                _ => null,
            };
            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    /// <summary>The steps of a System.Text.Json path without its <c>$</c>: property names (<c>a</c>, <c>['a.b']</c>) and indexes (<c>[0]</c>).</summary>
    private static List<object> Segments(string path)
    {
        var segments = new List<object>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                segments.Add(int.TryParse(path.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture, out var index)
                    ? index : path[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], i);
                end = end < 0 ? path.Length : end;
                segments.Add(path[i..end]);
                i = end;
            }
        }

        return segments;
    }

    private static JsonTypeInfo? TypeInfo(Type type, JsonSerializerOptions json)
    {
        try
        {
            return json.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The handler's parameter of that name (minimal API endpoints carry their handler's <see cref="MethodInfo"/>).</summary>
    private static ParameterInfo? Parameter(Endpoint? endpoint, string name) =>
        endpoint?.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters().FirstOrDefault(p => p.Name == name);

    private static Type? ParameterType(Endpoint? endpoint, string name) => Parameter(endpoint, name)?.ParameterType;

    private static Type? RequestType(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    /// <summary>The name the client used: the query, route or header name the parameter is bound from, else its own name.</summary>
    private static string Key(ParameterInfo? parameter, string name)
    {
        var attributes = parameter?.GetCustomAttributes() ?? [];
        return attributes.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
            ?? attributes.OfType<IFromRouteMetadata>().FirstOrDefault()?.Name
            ?? attributes.OfType<IFromHeaderMetadata>().FirstOrDefault()?.Name
            ?? name;
    }

    // The request delegate factory's exception messages (Microsoft.AspNetCore.Http.Extensions, constant English templates).
    [GeneratedRegex("""^Failed to read parameter "(?<type>.+) (?<name>[^ "]+)" from the request body as (?<format>JSON|form)\.$""", RegexOptions.Singleline)]
    private static partial Regex UnreadableBody();

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from the request body as form\.$""", RegexOptions.Singleline)]
    private static partial Regex UnmappableForm();

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex Unbindable();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>.+)\.$""", RegexOptions.Singleline)]
    private static partial Regex Missing();

    [GeneratedRegex("""^Implicit body inferred for parameter "(?<name>[^"]+)" but no body was provided""")]
    private static partial Regex MissingImplicitBody();

    [GeneratedRegex("""^Expected a supported (?<format>JSON|form) media type but got "(?<type>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex WrongContentType();

    [GeneratedRegex("""^Invalid anti-forgery token""")]
    private static partial Regex InvalidAntiforgery();

    /// <summary>A French noun phrase for a value (« un nombre entier »), its plural for a list's elements, and its gender for « attendu(e) ».</summary>
    private sealed record Expectation(string Phrase, string Plural, bool Feminine);
}
