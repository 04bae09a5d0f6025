using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;

namespace Workbench.Benefits.Api;

/// <summary>
/// Eligibility checks per provider and municipality: <c>Workbench:Benefits:EligibilityPerMinute</c> (default 6000) in a
/// fixed one-minute window. The platform's limiter runs before sign-in, when the provider is not yet known, so this one
/// is asked by the endpoint once the caller is authenticated and mapped to its provider (a forged token cannot spend
/// another provider's allowance).
/// </summary>
public sealed class EligibilityLimiter(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
    {
        PermitLimit = int.TryParse(configuration["Workbench:Benefits:EligibilityPerMinute"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : 6000,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    }));

    public bool TryAcquire(string tenant, Guid provider)
    {
        using var lease = _limiter.AttemptAcquire($"{tenant}:{provider:N}");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
