using Azure;
using CheckinBot.Core.Registrations;

namespace CheckinBot.Storage.Registrations;

internal sealed class TableChatRegistrationStore(CheckinTables tables) : IChatRegistrationStore
{
    public async Task<ChatRegistration?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(userId))
            return null;
        var response = await tables.Registrations.GetEntityIfExistsAsync<ChatRegistrationEntity>(
            userId, ChatRegistrationEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToDomain() : null;
    }

    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await tables.Registrations.DeleteEntityAsync(userId, ChatRegistrationEntity.Row, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public Task<bool> TrySaveAsync(ChatRegistration registration, CancellationToken cancellationToken) =>
        tables.Registrations.TryWriteAsync(ChatRegistrationEntity.From(registration), registration.Version, cancellationToken);
}
