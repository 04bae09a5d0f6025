using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Workbench.Tests.Batteries;

/// <summary>
/// The OpenAPI document is the contract: every endpoint says in its signature what it answers (typed results with
/// named records), so the document lists each operation's responses with their shapes. The batteries then check at
/// run time that nothing answers a status its operation does not declare.
/// </summary>
public sealed class ApiContractTests(BatteryHost host) : IClassFixture<BatteryHost>
{
    [Fact]
    public void Every_endpoint_declares_its_results_in_its_signature()
    {
        var untyped = new List<string>();
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler || handler.DeclaringType?.Assembly.GetName().Name?.StartsWith("Workbench", StringComparison.Ordinal) != true) continue;
            // The OpenID Connect protocol endpoints are left out of the document: their contract is the specification's.
            if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }) continue;
            if (!Describes(handler.ReturnType))
                untyped.Add($"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {endpoint.RoutePattern.RawText} ({handler.DeclaringType?.Name}.{handler.Name} returns {handler.ReturnType})");
        }
        Assert.True(untyped.Count == 0, $"{untyped.Count} endpoints return an untyped result:\n{string.Join('\n', untyped.Order())}");
    }

    /// <summary>A return type that says what the answer is: no bare <c>IResult</c>, <c>object</c> or anonymous type anywhere in it.</summary>
    private static bool Describes(Type type)
    {
        if (type == typeof(IResult) || type == typeof(object) || type == typeof(Task) || type == typeof(ValueTask) || type == typeof(void)) return false;
        if (type.Name.Contains("AnonymousType", StringComparison.Ordinal)) return false;
        return !type.IsGenericType || type.GetGenericArguments().All(Describes);
    }

    [Fact]
    public void Every_operation_declares_a_success_with_its_content()
    {
        var undescribed = host.Operations.All
            .Where(o => !o.Responses.Any(r => r.StartsWith('2') || r.StartsWith('3')) || o.SuccessWithoutContent.Any())
            .Select(o => $"{o}: {string.Join(", ", o.Responses.Order())}").ToList();
        Assert.True(undescribed.Count == 0, $"{undescribed.Count} operations without a described success:\n{string.Join('\n', undescribed)}");
    }
}
