namespace CheckinBot.Bench;

/// <summary>Where the inbound scenario's bot reads its org directory from.</summary>
public enum InboundDirectory
{
    /// <summary>The org CSV (<c>OrgDirectory:Source=File</c>): no Graph anywhere.</summary>
    File,

    /// <summary>Graph on loopback answering at once; the cache knows two thirds of the people, the rest are looked up.</summary>
    GraphUp,

    /// <summary>The same, Graph answering every request 10 s late.</summary>
    GraphSlow,

    /// <summary>The same, Graph refusing connections and Entra unreachable (no token): an outage.</summary>
    GraphDown,
}
