using Azure;
using CheckinBot.Core.Registrations;

namespace CheckinBot.Storage.Registrations;

internal sealed class TableChatRegistrationStore(CheckinTables tables) : IChatRegistrationStore
{
    public async Task<ChatRegistration?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await tables.Registrations.GetEntityIfExistsAsync<ChatRegistrationEntity>(
            userId, ChatRegistrationEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToDomain() : null;
    }

    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await tables.Registrations.DeleteEntityAsync(userId, ChatRegistrationEntity.Row, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public async Task<bool> TrySaveAsync(ChatRegistration registration, CancellationToken cancellationToken)
    {
        var entity = ChatRegistrationEntity.From(registration);
        try
        {
            if (registration.Version is null)
                await tables.Registrations.AddEntityAsync(entity, cancellationToken);
            else
                await tables.Registrations.UpdateEntityAsync(entity, entity.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
