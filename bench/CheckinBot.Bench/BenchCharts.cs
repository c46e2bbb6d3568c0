using ScottPlot;

namespace CheckinBot.Bench;

/// <summary>The PNG charts next to each scenario's JSON in bench/results/ (docs/performance.md shows the latest).</summary>
internal static class BenchCharts
{
    private const int Width = 900;
    private const int Height = 420;

    /// <summary>Latency percentiles of the requests due in each second, with the target as a line.</summary>
    public static void Latency(string path, string title, IReadOnlyList<LatencySecond> seconds, double targetMs)
    {
        var plot = new Plot();
        double[] xs = [.. seconds.Select(s => (double)s.Second)];
        Line(plot, xs, [.. seconds.Select(s => s.P50Ms)], "p50", Colors.SteelBlue);
        Line(plot, xs, [.. seconds.Select(s => s.P99Ms)], "p99", Colors.DarkOrange);
        Line(plot, xs, [.. seconds.Select(s => s.MaxMs)], "max", Colors.Gray);
        Target(plot, targetMs, $"target p99 {targetMs} ms", Colors.Red);
        plot.Axes.SetLimitsY(0, Math.Max(targetMs * 2, seconds.Max(s => s.P99Ms) * 1.1));
        // How busy the bot and storage were in each second, on the right axis: a slow second shows who was at work.
        Line(plot, xs, [.. seconds.Select(s => s.BotCpu)], "bot CPU %", Colors.SeaGreen).Axes.YAxis = plot.Axes.Right;
        Line(plot, xs, [.. seconds.Select(s => s.AzuriteCpu)], "Azurite CPU %", Colors.Purple).Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "CPU (% of one core)";
        plot.Axes.SetLimitsY(0, 200, plot.Axes.Right);
        Save(plot, path, title, "second of the measured window", "latency (ms)");
    }

    /// <summary>Messages Teams accepted in each second, with the configured budget and Teams' own limit as lines.</summary>
    public static void Deliveries(string path, string title, IReadOnlyList<int> perSecond, int budget, int? teamsLimit)
    {
        var plot = new Plot();
        Line(plot, [.. perSecond.Select((_, i) => (double)i)], [.. perSecond.Select(n => (double)n)], "delivered/s", Colors.SteelBlue);
        Target(plot, budget, $"budget {budget}/s", Colors.DarkOrange);
        if (teamsLimit is { } limit)
            Target(plot, limit, $"Teams limit {limit}/s", Colors.Red);
        Save(plot, path, title, "second of the run", "messages delivered per second");
    }

    /// <summary>Graph requests per sync round, each bar labelled with the round's time and peak memory.</summary>
    public static void SyncRounds(string path, string title, IReadOnlyList<SyncRound> rounds)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars([.. rounds.Select(r => (double)r.GraphRequests)]);
        foreach (var (bar, round) in bars.Bars.Zip(rounds))
            bar.Label = $"{round.GraphRequests} request{(round.GraphRequests == 1 ? "" : "s")}, {round.Seconds:0.0} s, {round.PeakWorkingSetMiB} MiB";
        bars.ValueLabelStyle.FontSize = 14;
        plot.Axes.Bottom.SetTicks([.. rounds.Select((_, i) => (double)i)], [.. rounds.Select(r => $"{r.Name}: {r.Changes} changed")]);
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.Title(title);
        plot.YLabel("Graph requests");
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Deliveries per whole second since the first one.</summary>
    public static IReadOnlyList<int> PerSecond(IEnumerable<DateTimeOffset> deliveredAt, DateTimeOffset start)
    {
        var seconds = deliveredAt.Select(at => (int)Math.Floor((at - start).TotalSeconds)).Where(s => s >= 0).ToList();
        var counts = new int[seconds.Count == 0 ? 0 : seconds.Max() + 1];
        foreach (var second in seconds)
            counts[second]++;
        return counts;
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string label, Color color)
    {
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LegendText = label;
        line.LineWidth = 2;
        return line;
    }

    private static void Target(Plot plot, double y, string label, Color color)
    {
        var line = plot.Add.HorizontalLine(y, 1.5f, color, LinePattern.Dashed);
        line.LegendText = label;
    }

    private static void Save(Plot plot, string path, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }
}
