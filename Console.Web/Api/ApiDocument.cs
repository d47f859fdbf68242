using System.Text.Json;
using System.Text.Json.Nodes;
using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Console.Domain.Partners;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Console.Web.Api;

/// <summary>
/// The served OpenAPI document: title and introduction, the X-Api-Key scheme with each operation's scope, the problem answers
/// with each operation's refusal codes, and only the platform API (console routes are cookie-only and stay out).
/// </summary>
internal static class ApiDocument
{
    public const string Scheme = "ApiKey";
    public const string Title = "Campaign Console API";

    private const string Introduction = """
        The promotions API that the storefront, the live room and the payment system call: they push customers, courses,
        live sessions, behaviour events and paid orders in, and ask for prices, coupon checks and group-buy teams. Marketers'
        scripts manage campaigns with the same rules as the console's forms.

        ## Authentication
        Every call under `/api/v1` sends `X-Api-Key: <key>`. A key has a scope: `ingest` (the platform: ingestion, orders,
        quotes, coupon checks, team look-ups) or `manage` (everything, campaign management included); each operation states the
        scope it needs. A missing, unknown or revoked key gets `401`; a key used outside its scope gets `403`. Keys are created
        on the console's API keys page or with the `apikey create` verb.

        ## Idempotency
        Items are keyed by the client's ids (`externalId`, `eventId`, `orderId`): sending one again stores it once and answers
        the same way. An order sent again answers `200` with the stored order and redeems nothing.

        ## Money
        A decimal in the shop currency with at most two places (`199.00`), from `0` to `100000000` (`Business:MaxAmount`).
        Anything else is a field error.

        ## Times
        ISO-8601 with an offset (`2026-11-28T20:00:00+08:00`). Times are stored in UTC and answered in UTC; days are cut in
        the business time zone (default Asia/Shanghai).

        ## Batches
        Customers, courses, live sessions and events are sent as a JSON array of at most 5,000 items. A bad item does not fail
        the batch: the answer lists `rejected: [{ "index": 3, "error": "unknown_course", "message": "..." }]` and the rest are
        stored. Item errors are `missing_<field>`, `invalid_<field>`, `unknown_field`, `invalid_text`, `invalid_item` and the
        codes each operation names. A body that is not a JSON array is a `400`.

        ## Errors
        Errors are `application/problem+json` (RFC 9457), never an HTML page:
        - `400` for a body that is not JSON, not of the expected shape, or has invalid fields: `errors` maps each field to its
          messages in English and `codes` maps it to machine-readable codes. A field the endpoint does not know is refused,
          never ignored (`"couponCode": ["Unknown field; did you mean 'couponCodes'?"]`).
        - `409` (or `410` where stated) for a business refusal, with a machine-readable `code`; each operation lists its codes.
        - `404` for an unknown id in the path; `413` for a body over 10 MB.
        - `503` with the code `storage_full` when the database has no room left: nothing of the request was stored, so it
          can be sent again as it is once the answer's `Retry-After` has passed.
        """;

    // Fields an example leaves out are left out of it, not shown as null.
    private static readonly JsonSerializerOptions Examples = new(JsonSerializerOptions.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi("v1", o =>
    {
        // 3.0 is what most client generators read without surprises.
        o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
        o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        o.CreateSchemaReferenceId = info => OpenApiOptions.CreateDefaultSchemaReferenceId(info) is { } id && info.Type.DeclaringType is { } outer
            ? outer.Name.Replace("Api", "", StringComparison.Ordinal) + id
            : OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        o.AddSchemaTransformer(ApiFields.TransformAsync);
        o.AddOperationTransformer(TransformOperationAsync);
        o.AddDocumentTransformer(TransformDocumentAsync);
    });

    /// <summary>A request record's schema name: nested records carry their use case's name (CreateOrder.Command → CreateOrderCommand).</summary>
    private static string SchemaId(Type type) =>
        type.DeclaringType is { } outer ? outer.Name.Replace("Api", "", StringComparison.Ordinal) + type.Name : type.Name;

    private static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = "v1",
            Description = Introduction,
        };
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthentication.Header,
            Description = "An API key. Scope ingest: ingestion, orders, quotes, coupon checks, team look-ups. Scope manage: everything.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["Problem"] = ProblemSchema(false);
        document.Components.Schemas["ValidationProblem"] = ProblemSchema(true);
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        // The server is the host that served the document, without the trailing slash that would double the paths' own.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        foreach (var (id, schema) in document.Components.Schemas) if (schema is OpenApiSchema s) PlainReferences(id, s);
        document.Paths ??= new OpenApiPaths();
        document.Paths["/health/live"] = Health(document, "HealthLive", "Is the process up? Always 200 while it runs.", false);
        document.Paths["/health/ready"] = Health(document, "HealthReady", "Can it serve? 200 when the database answers, 503 otherwise.", true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A nullable object is oneOf null and the reference, written for 3.0 as a null enum, which 3.0 does not define; a
    /// nullable object of all of the reference is the 3.0 way that linters and client generators read.
    /// </summary>
    private static void PlainReferences(string id, OpenApiSchema schema)
    {
        var fields = ApiFields.Requests.FirstOrDefault(r => SchemaId(r.Key) == id).Value;
        if (schema.Properties is null) return;
        foreach (var (name, property) in schema.Properties.ToList())
            if (property is OpenApiSchema { OneOf: { Count: 2 } options }
                && options.Count(o => o is OpenApiSchemaReference) == 1
                && options.Any(o => o is OpenApiSchema { Type: JsonSchemaType.Null }))
                schema.Properties[name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    Description = property.Description ?? fields?.GetValueOrDefault(name)?.Description,
                    AllOf = [options.OfType<OpenApiSchemaReference>().Single()],
                };
    }

    private static OpenApiSchema ProblemSchema(bool validation)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation
                ? "RFC 9457 problem for field errors: errors holds English messages and codes the machine-readable codes, by field."
                : "RFC 9457 problem. A business refusal carries its machine-readable code.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the kind of problem." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short line for people." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, in English." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, for support." },
            },
        };
        if (validation)
        {
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages by field, in the API's field names (nested fields with a dot: groupBuy.campaignId).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
            schema.Properties["codes"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Codes by field, beside the messages: " + string.Join(", ", FieldCodes.All) + ". Present when the rules of the fields (not their JSON) refused them.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }
        else
        {
            schema.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The refusal code of a 409 or 410; each operation lists the codes it answers with.",
                Enum = [.. ApiRefusalDoc.Enum()],
            };
        }
        return schema;
    }

    private static OpenApiPathItem Health(OpenApiDocument document, string id, string summary, bool ready)
    {
        var operation = new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
            // An empty requirement: no key is needed.
            Security = [new OpenApiSecurityRequirement()],
            Responses = new OpenApiResponses
            {
                ["200"] = Text("Healthy"),
            },
        };
        if (ready) operation.Responses["503"] = Text("Unhealthy");
        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }

    private static OpenApiResponse Text(string body) => new()
    {
        Description = body,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(body) },
        },
    };

    private static Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var doc = metadata.OfType<ApiOperationDoc>().LastOrDefault();
        var manage = metadata.OfType<IAuthorizeData>().Any(a => a.Policy == ApiKeyAuthentication.ManagePolicy);
        var scope = manage ? "manage" : "ingest";
        operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "")
            + (manage ? "Needs a key with scope `manage`." : "Needs a key with scope `ingest` or `manage`.");
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-scope"] = new JsonNodeExtension(JsonValue.Create(scope));
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];

        if (doc?.Example is { } example && operation.RequestBody?.Content is { } content)
            foreach (var media in content.Values)
                media.Example = JsonSerializer.SerializeToNode(example, Examples);

        operation.Responses ??= new OpenApiResponses();
        var hasBody = operation.RequestBody is not null;
        var hasPath = context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path);
        var hasQuery = context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query);
        if (hasBody || hasQuery)
            operation.Responses["400"] = Problem(context.Document, "ValidationProblem",
                "The body is not JSON or not of the expected shape, or a field is invalid or unknown.");
        operation.Responses["401"] = Problem(context.Document, "Problem", "No key, or an unknown or revoked one.");
        if (manage) operation.Responses["403"] = Problem(context.Document, "Problem", "The key's scope is not manage.");
        var refusals = doc?.Refusals ?? [];
        var notFoundHere = metadata.OfType<ApiNotFoundCodes>().SelectMany(n => n.Codes).ToHashSet(StringComparer.Ordinal);
        var byStatus = refusals.GroupBy(c => ApiRefusalDoc.StatusOf(c, notFoundHere)).ToDictionary(g => g.Key, g => g.ToList());
        if (byStatus.TryGetValue(StatusCodes.Status404NotFound, out var notFound))
            operation.Responses["404"] = ApiRefusalDoc.Response(context.Document, "Nothing has this id; code is one of:", notFound, StatusCodes.Status404NotFound);
        else if (hasPath) operation.Responses["404"] = Problem(context.Document, "Problem", "No such id.");
        if (byStatus.TryGetValue(StatusCodes.Status409Conflict, out var conflict))
            operation.Responses["409"] = ApiRefusalDoc.Response(context.Document, "A business refusal; code is one of:", conflict, StatusCodes.Status409Conflict);
        if (byStatus.TryGetValue(StatusCodes.Status410Gone, out var gone))
            operation.Responses["410"] = ApiRefusalDoc.Response(context.Document, "A business refusal; code is one of:", gone, StatusCodes.Status410Gone);
        if (hasBody) operation.Responses["413"] = Problem(context.Document, "Problem", "The body is larger than 10 MB.");
        if (!HttpMethods.IsGet(context.Description.HttpMethod ?? "GET"))
            operation.Responses["503"] = Problem(context.Document, "Problem", "storage_full: the database has no room left; nothing was stored.");
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(OpenApiDocument? document, string schema, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
        },
    };
}
