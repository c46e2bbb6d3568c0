using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Storage;

/// <summary>Azure Storage settings (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>A connection string, or <c>UseDevelopmentStorage=true</c> for Azurite. Ignored when <see cref="AccountUri"/> is set.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The table endpoint of an account reached with the bot's identity (the host's TokenCredential), no account key.</summary>
    public Uri? AccountUri { get; set; }

    /// <summary>
    /// The client id of the user-assigned managed identity that reaches <see cref="AccountUri"/>; empty: the host's
    /// identity (the bot's). Set by infra/ so storage is reached with the identity even when the bot signs in with a secret.
    /// </summary>
    [RegularExpression("^$|^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", ErrorMessage = "Storage:ManagedIdentityClientId must be a client id (a GUID) or empty.")]
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table name, so that environments can share one account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,29}$", ErrorMessage = "Storage:TablePrefix must start with a letter and hold only letters and digits (at most 30).")]
    public string TablePrefix { get; set; } = "checkin";
}
