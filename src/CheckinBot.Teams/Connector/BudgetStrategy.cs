using System.Net;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Telemetry;
using Polly;

namespace CheckinBot.Teams.Connector;

/// <summary>
/// The shared budget as a step of the <c>teams-send</c> pipeline, inside the retries: every attempt of a call marked with
/// a <see cref="SendPriority"/> (everything sent outside a turn) first takes a slot, and any 429 pauses every instance
/// for its <c>Retry-After</c> (a second when Teams gives none). This is the only place either happens.
/// </summary>
internal sealed class BudgetStrategy(IRateBudget budget, TimeProvider timeProvider) : ResilienceStrategy<HttpResponseMessage>
{
    private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        if (context.Properties.TryGetValue(ConnectorResilience.Budget, out var priority))
        {
            try
            {
                var asked = timeProvider.GetTimestamp();
                await budget.AcquireAsync(priority, context.CancellationToken);
                CheckinTelemetry.BudgetWaited(timeProvider.GetElapsedTime(asked), priority.ToString());
            }
            catch (OperationCanceledException ex)
            {
                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }
        var outcome = await callback(context, state);
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } throttled)
        {
            CheckinTelemetry.TeamsThrottled();
            await budget.PauseAsync(ConnectorResilience.RetryAfter(throttled, timeProvider) ?? DefaultPause, CancellationToken.None);
        }
        return outcome;
    }
}
