using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CheckinBot.Storage;

/// <summary>Ready when storage was initialised and answers now; else says what it waits for.</summary>
internal sealed class TableStorageHealthCheck(CheckinTables tables, StorageReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readiness.WaitingFor is { } waiting)
            return HealthCheckResult.Unhealthy(waiting);
        try
        {
            await tables.Registrations.GetEntityIfExistsAsync<TableEntity>("health", "probe", cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("Table storage is unreachable.", ex);
        }
    }
}
