using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Tenants;

namespace Workbench.Platform.Telemetry;

/// <summary>
/// OpenTelemetry: ASP.NET Core, HttpClient and runtime metrics plus <see cref="WorkbenchMetrics"/>, scraped by Prometheus
/// at <c>Workbench:Telemetry:Path</c> (<c>/metrics</c>) from loopback or the addresses in <c>Workbench:Telemetry:AllowedAddresses</c>
/// only — everyone else gets the site's 404. Traces go to an OTLP collector when <c>Workbench:Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class Telemetry
{
    public static IServiceCollection AddWorkbenchTelemetry(this IServiceCollection services, TelemetryOptions options)
    {
        services.AddSingleton<WorkbenchMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("workbench"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                .AddMeter(WorkbenchMetrics.MeterName)
                .AddPrometheusExporter());
        if (options.OtlpEndpoint is { Length: > 0 } endpoint)
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        return services;
    }

    /// <summary>Quartz reports every job run to the metrics (outcome from the run's own record of its last error).</summary>
    public static void AddJobMetrics(this IQuartzBuilder quartz) => quartz.AddJobListener<JobMetricsListener>();

    /// <summary>The scrape endpoint, before the tenant middleware (it belongs to no tenant).</summary>
    public static IApplicationBuilder UseWorkbenchMetricsEndpoint(this IApplicationBuilder app, TelemetryOptions options)
    {
        var allowed = options.AllowedAddresses.Select(IPAddress.Parse).ToHashSet();
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == options.Path
            && context.Connection.RemoteIpAddress is { } address
            && (IPAddress.IsLoopback(address) || allowed.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)));
    }

    /// <summary>Request metrics (<c>http.server.request.duration</c>) carry the tenant and the module that answered.</summary>
    public static IApplicationBuilder UseRequestMetricsTags(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
            {
                metrics.Tags.Add(new("workbench.tenant", context.RequestServices.GetRequiredService<ITenantContext>().Current?.Name ?? "-"));
                metrics.Tags.Add(new("workbench.module", context.GetEndpoint()?.Metadata.GetMetadata<RequiresFeatureAttribute>()?.FeatureId ?? "Workbench.Platform"));
            }
            await next(context);
        });

    private sealed class JobMetricsListener(WorkbenchMetrics metrics) : IJobListener
    {
        public string Name => "workbench-metrics";
        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;
        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken ct = default)
        {
            var succeeded = jobException is null && !(context.JobDetail.JobDataMap.TryGetString("lastError", out var error) && !string.IsNullOrEmpty(error));
            metrics.JobRan(context.JobDetail.Key.Name, succeeded, context.JobRunTime);
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class TelemetryOptions
{
    /// <summary>Path of the Prometheus scrape endpoint.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>Addresses besides loopback that may scrape it (the Prometheus server).</summary>
    public List<string> AllowedAddresses { get; set; } = [];

    /// <summary>OTLP collector for traces (e.g. http://127.0.0.1:4317); none: no traces are recorded.</summary>
    public string? OtlpEndpoint { get; set; }
}
