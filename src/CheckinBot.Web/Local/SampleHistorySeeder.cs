using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Web.Local;

/// <summary>
/// Six months of weekly check-ins and learning goals for everyone in the org directory, written through the Core
/// services with a clock of its own set back to each moment (so records, goal histories and the metrics read like real
/// use), deterministic from each person's place in the directory. Shared check-ins only in the last week, so managers
/// get a handful of summaries, not half a year of them. One person of the sample org (<see cref="AwayMail"/>) then says
/// they are away for ten days, so a newcomer sees "away" in Megan's <c>team</c> and in a cadence's preview. Runs once,
/// at start, in the local run only.
/// </summary>
internal sealed partial class SampleHistorySeeder(
    IOrgDirectory directory,
    ICheckinStore checkins,
    IGoalStore goals,
    IQuestionSetStore questionSets,
    OutboxSignal outboxSignal,
    IDeliveryOutbox outbox,
    CheckinBot.Core.Insights.Events.IMetricsOutbox metricsOutbox,
    Microsoft.Extensions.Options.IOptions<LocalOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggers) : BackgroundService
{
    public const int Weeks = 26;
    private const string CadenceId = "weekly-growth"; // samples/cadence.json

    /// <summary>Patti Fernandez in samples/org.csv: one of Megan's reports, away for the next ten days.</summary>
    public const string AwayMail = "pattif@contoso.example";

    private static readonly string[] GoalTitles = ["Learn Kusto", "Present at the all-hands", "Get the Azure Developer certification", "Mentor a new joiner", "Write a design doc end to end", "Improve my negotiation skills"];
    private static readonly string[] Wins = ["Shipped the importer", "Closed a tricky customer escalation", "Ran my first retro", "Paired with a new joiner all week", "Cut the build time in half", "Got great feedback on my demo", "Finished the course module"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedHistory)
            return;
        var people = new List<Person>();
        await foreach (var person in directory.ListEveryoneAsync(stoppingToken))
            people.Add(person);
        if (people.Count == 0 || (await checkins.ListCheckinsAsync(people[0].Id, stoppingToken)).Count > 0)
            return; // seeded before, or someone has used the bot for real
        var clock = new SettableClock();
        var service = new CheckinService(checkins, goals, questionSets, outboxSignal, outbox, metricsOutbox, clock, loggers.CreateLogger<CheckinService>());
        var goalService = new GoalService(goals, metricsOutbox, clock);
        var now = timeProvider.GetUtcNow();
        var firstMonday = Monday(now).AddDays(-7 * Weeks);
        var count = 0;
        foreach (var (person, index) in people.Select((p, i) => (p, i)))
        {
            var random = new Random(index + 1);
            clock.Now = firstMonday.AddHours(8);
            if (random.NextDouble() < 0.7)
            {
                foreach (var title in GoalTitles.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
                    await goalService.AddAsync(person.Id, title, null, null, null, "Start; Halfway; Done", stoppingToken);
            }
            var energy = random.Next(2, 5);
            for (var week = 0; week < Weeks; week++)
            {
                if (random.NextDouble() > 0.75)
                    continue; // missed this one
                var monday = firstMonday.AddDays(7 * week);
                clock.Now = monday.AddDays(random.Next(0, 4)).AddHours(8 + random.Next(0, 8)).AddMinutes(random.Next(0, 60));
                if (clock.Now > now)
                    break;
                energy = Math.Clamp(energy + random.Next(-1, 2), 1, 5);
                var shared = now - clock.Now < TimeSpan.FromDays(7) && random.NextDouble() < 0.8;
                if (await CheckInAsync(service, person.Id, $"{CadenceId}:{monday:yyyy-MM-dd}", energy, Wins[random.Next(Wins.Length)], shared, clock, random, stoppingToken))
                    count++;
            }
        }
        if (people.Find(p => string.Equals(p.Mail, AwayMail, StringComparison.OrdinalIgnoreCase)) is { } away)
        {
            clock.Now = now;
            var back = Core.Time.IanaTimeZone.LocalDate(now, away.TimeZone).AddDays(10);
            await service.SayAwayAsync(away.Id, Core.Cadences.CadenceCalendar.LocalToUtc(back, TimeOnly.MinValue, Core.Time.IanaTimeZone.FindOrUtc(away.TimeZone)), stoppingToken);
        }
        LogSeeded(loggers.CreateLogger<SampleHistorySeeder>(), count, people.Count, Weeks);
    }

    /// <summary>Answers each question as a person would: energy, a win, progress on each goal, and skips the rest.</summary>
    private static async Task<bool> CheckInAsync(CheckinService service, string userId, string occurrenceId, int energy, string win, bool shared,
        SettableClock clock, Random random, CancellationToken cancellationToken)
    {
        var turn = await service.StartOrResumeAsync(userId, occurrenceId, cancellationToken);
        for (var i = 0; i < 40 && turn?.Draft is { } draft; i++)
        {
            clock.Now = clock.Now.AddMinutes(random.Next(1, 3));
            DialogueInput input = draft.Stage == DraftStage.Recap ? new DialogueInput.Share(shared)
                : draft.CurrentStep switch
                {
                    { Purpose: QuestionPurpose.Energy } => new DialogueInput.Answer(energy.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    { Purpose: QuestionPurpose.Win } => new DialogueInput.Answer(win),
                    { Purpose: QuestionPurpose.GoalProgress } step => new DialogueInput.Progress(
                        Math.Min(100, step.GoalPercent + random.Next(0, 12)).ToString(System.Globalization.CultureInfo.InvariantCulture), null, null),
                    { Purpose: QuestionPurpose.NewGoalWanted } => new DialogueInput.Answer("no"),
                    _ => new DialogueInput.Skip(),
                };
            turn = await service.HandleAsync(userId, null, input, cancellationToken);
            if (turn?.Completed is not null)
                return true;
            if (turn?.Reply.Kind == DialogueReplyKind.Invalid)
                turn = await service.HandleAsync(userId, null, new DialogueInput.Skip(), cancellationToken);
        }
        return false;
    }

    private static DateTimeOffset Monday(DateTimeOffset at) =>
        new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).AddDays(-(((int)at.UtcDateTime.DayOfWeek + 6) % 7));

    /// <summary>The seeder's own clock, moved to each moment of the history it writes.</summary>
    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Seeded {Checkins} sample check-ins for {People} people over {Weeks} weeks")]
    private static partial void LogSeeded(ILogger logger, int checkins, int people, int weeks);
}
