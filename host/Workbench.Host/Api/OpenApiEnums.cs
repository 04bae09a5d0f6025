using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workbench.Host.Api;

/// <summary>
/// Enums are read by <see cref="Workbench.Abstractions.Http.DefinedEnumConverter"/>, which the schema generator does not
/// know: describe them as it would describe names — a string, one of the enum's names.
/// </summary>
internal static class OpenApiEnums
{
    public static OpenApiOptions DescribeEnumsByName(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum)
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name))];
            }
            return Task.CompletedTask;
        });
}
