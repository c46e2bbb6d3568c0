namespace CheckinBot.Core.GrowthLog;

public enum BragPeriod
{
    Month,
    Quarter,
    Year,
    All,
}
