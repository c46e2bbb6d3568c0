using CheckinBot.Core.Registrations;

namespace CheckinBot.Storage.Registrations;

internal sealed class TableChatRegistrationStore(CheckinTables tables, PersonRowKeys rowKeys) : IChatRegistrationStore
{
    public async Task<ChatRegistration?> FindAsync(string userId, CancellationToken cancellationToken) =>
        (await rowKeys.FindAsync<ChatRegistrationEntity>(tables.Registrations, userId, PersonRowKeys.Chat, cancellationToken))?.ToDomain();

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken) =>
        rowKeys.DeleteAsync(tables.Registrations, userId, PersonRowKeys.Chat, cancellationToken);

    /// <summary>
    /// Sixteen partition-key ranges (ids are GUIDs: one per first hex digit, the first and last open-ended) read at once:
    /// a single scan pages through every row in order, and a store that re-reads its range per page (Azurite) slows down
    /// with the square of the rows; each range is a sixteenth of that.
    /// </summary>
    public async IAsyncEnumerable<RegisteredPerson> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var found = System.Threading.Channels.Channel.CreateBounded<RegisteredPerson>(4096);
        var bounds = Enumerable.Range(1, 15).Select(i => i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var ranges = bounds.Prepend(null).Zip(bounds.Append(null), (from, to) => (From: from, To: to));
        var readers = Task.WhenAll(ranges.Select(async range =>
        {
            // Registration rows only (chat-{id}, and old "chat" rows), three columns: a page holds a thousand people.
            var filter = Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey ge {PersonRowKeys.Chat} and RowKey lt {PersonRowKeys.Chat + "."}")
                + (range.From is { } from ? Azure.Data.Tables.TableClient.CreateQueryFilter($" and PartitionKey ge {from}") : "")
                + (range.To is { } to ? Azure.Data.Tables.TableClient.CreateQueryFilter($" and PartitionKey lt {to}") : "");
            await foreach (var row in tables.Registrations.QueryAsync<ChatRegistrationEntity>(filter, select: ["PartitionKey", "RowKey", "TimeZone", "Status"], cancellationToken: cancellationToken))
                await found.Writer.WriteAsync(new RegisteredPerson(row.PartitionKey, Enum.TryParse<RegistrationStatus>(row.Status, out var status) ? status : RegistrationStatus.Active, row.TimeZone), cancellationToken);
        }));
        _ = readers.ContinueWith(t => found.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        await foreach (var person in found.Reader.ReadAllAsync(cancellationToken))
            yield return person;
        await readers;
    }

    public Task<bool> TrySaveAsync(ChatRegistration registration, CancellationToken cancellationToken) =>
        tables.Registrations.TryWriteAsync(ChatRegistrationEntity.From(registration), registration.Version, cancellationToken);
}
