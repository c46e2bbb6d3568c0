namespace CheckinBot.Bench;

/// <summary>One command's share of the inbound load: how many, how many failed, and its percentiles.</summary>
public sealed record CommandLatency(string Command, int Requests, int Errors, double P50Ms, double P99Ms);
