using CheckinBot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests;

/// <summary>
/// A host whose clock moves only when the test says. The shared send budget paces calls by that clock, so it would wait
/// for ever for the next slot; here every slot is granted at once (the budget itself is tested on the real clock in
/// <see cref="Runs.RateBudgetTests"/> and the fan-out benchmarks).
/// </summary>
internal static class FakeClockServices
{
    public static IServiceCollection WithFakeClock(this IServiceCollection services, FakeTimeProvider time)
    {
        services.AddSingleton<TimeProvider>(time);
        services.RemoveAll<IRateBudget>();
        services.AddSingleton<IRateBudget, UnpacedBudget>();
        return services;
    }
}
