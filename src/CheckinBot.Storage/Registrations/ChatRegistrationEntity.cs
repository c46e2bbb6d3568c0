using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Registrations;

namespace CheckinBot.Storage.Registrations;

/// <summary>PartitionKey = Entra object id, RowKey = <c>chat-{id}</c> (<see cref="PersonRowKeys"/>): one partition per person spreads load across servers.</summary>
internal sealed class ChatRegistrationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ChannelUserId { get; set; } = "";
    public string? BotChannelId { get; set; }
    public string? DisplayName { get; set; }
    public string ConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? TimeZone { get; set; }
    public string Status { get; set; } = nameof(RegistrationStatus.Active);
    public string? StatusReason { get; set; }
    public DateTimeOffset InstalledAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? WelcomedAt { get; set; }

    public static ChatRegistrationEntity From(ChatRegistration r) => new()
    {
        PartitionKey = r.UserId,
        RowKey = PersonRowKeys.Key(PersonRowKeys.Chat, r.UserId),
        ETag = r.Version is null ? default : new ETag(r.Version),
        TenantId = r.TenantId,
        ChannelUserId = r.ChannelUserId,
        BotChannelId = r.BotChannelId,
        DisplayName = r.DisplayName,
        ConversationId = r.ConversationId,
        ServiceUrl = r.ServiceUrl,
        TimeZone = r.TimeZone,
        Status = r.Status.ToString(),
        StatusReason = r.StatusReason,
        InstalledAt = r.InstalledAt,
        UpdatedAt = r.UpdatedAt,
        WelcomedAt = r.WelcomedAt,
    };

    public ChatRegistration ToDomain() => new()
    {
        UserId = PartitionKey,
        TenantId = TenantId,
        ChannelUserId = ChannelUserId,
        BotChannelId = BotChannelId,
        DisplayName = DisplayName,
        ConversationId = ConversationId,
        ServiceUrl = ServiceUrl,
        TimeZone = TimeZone,
        Status = Enum.TryParse<RegistrationStatus>(Status, out var status) ? status : RegistrationStatus.Active,
        StatusReason = StatusReason,
        InstalledAt = InstalledAt,
        UpdatedAt = UpdatedAt,
        WelcomedAt = WelcomedAt,
        Version = ETag.ToString(),
    };
}
