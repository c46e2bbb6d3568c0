using CheckinBot.Core.Registrations;

namespace CheckinBot.Storage.Registrations;

internal sealed class TableChatRegistrationStore(CheckinTables tables, PersonRowKeys rowKeys) : IChatRegistrationStore
{
    public async Task<ChatRegistration?> FindAsync(string userId, CancellationToken cancellationToken) =>
        (await rowKeys.FindAsync<ChatRegistrationEntity>(tables.Registrations, userId, PersonRowKeys.Chat, cancellationToken))?.ToDomain();

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken) =>
        rowKeys.DeleteAsync(tables.Registrations, userId, PersonRowKeys.Chat, cancellationToken);

    public Task<bool> TrySaveAsync(ChatRegistration registration, CancellationToken cancellationToken) =>
        tables.Registrations.TryWriteAsync(ChatRegistrationEntity.From(registration), registration.Version, cancellationToken);
}
