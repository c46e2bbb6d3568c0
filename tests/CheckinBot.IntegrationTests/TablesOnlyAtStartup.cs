using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CheckinBot.IntegrationTests;

/// <summary>
/// Removes the background workers (summaries, nudges, erasure, org sync) so a test runs that work itself, at the
/// moments its fake clock chooses; only creating the tables and the work queue still happens at start-up.
/// </summary>
internal static class TablesOnlyAtStartup
{
    public static IServiceCollection WithoutBackgroundWork(this IServiceCollection services)
    {
        services.RemoveAll<IHostedService>();
        services.AddHostedService(sp => new CreateTables(sp));
        return services;
    }

    private sealed class CreateTables(IServiceProvider services) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await services.GetRequiredService<CheckinBot.Storage.CheckinTables>().CreateAllAsync(cancellationToken);
            await services.GetRequiredService<Azure.Storage.Queues.QueueClient>().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
