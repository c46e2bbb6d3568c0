namespace CheckinBot.Core.GrowthLog;

/// <param name="Finished">False when a fault cut the erasure short: it is finished in the background, and export links already fail.</param>
public sealed record EraseResult(int Erased, bool Finished);
