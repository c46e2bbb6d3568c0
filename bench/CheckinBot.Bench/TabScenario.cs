using System.Globalization;
using CheckinBot.Core.Insights;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace CheckinBot.Bench;

/// <summary>One view of the Growth tab, loaded cold (a new browser context each time) so many times.</summary>
/// <param name="FirstPaintMs">First contentful paint (the browser's own figure), median and worst.</param>
/// <param name="ChartsMs">Until the view and all its charts are drawn (the page's <c>checkinbot:charts-drawn</c> mark).</param>
/// <param name="CompressedKiB">JavaScript and CSS the page loaded, as sent (compressed), libraries included.</param>
public sealed record TabViewFigure(string View, string Person, int Charts, double FirstPaintMedianMs, double FirstPaintMaxMs, double ChartsMedianMs, double ChartsMaxMs, double CompressedKiB);

/// <summary>
/// <c>tab</c>: the local org with its six months of sample history (written by the bot's own seeder, folded and
/// counted), then the Growth tab opened in headless Chromium on loopback through the local picker, in each view.
/// </summary>
public static class TabScenario
{
    private static readonly (string View, string Person)[] Views =
    [
        ("me", "00000000-0000-0000-0000-0000000000020"), // Alex Wilber
        ("team", "00000000-0000-0000-0000-0000000000021"), // Megan Bowen
        ("organisation", "00000000-0000-0000-0000-0000000000022"), // Adele Vance, HR
    ];

    public static async Task<IReadOnlyList<TabViewFigure>> RunAsync(AzuriteFixture azurite, int repetitions, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHECKINBOT_WEB", Path.Combine(RepoPaths.Root, "src", "CheckinBot.Web"));
        await using var bot = new BotApplicationFactory<Program>(azurite, new Dictionary<string, string?>
        {
            ["Local:SeedHistory"] = "true",
            ["Hr:AdminUserIds:0"] = Views[2].Person,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var url = bot.StartOnLoopback();
        // The seeder is the bot's own background service: its work is done when it returns.
        await bot.Services.GetServices<IHostedService>().OfType<BackgroundService>().Single(s => s.GetType().Name == "SampleHistorySeeder").ExecuteTask!;
        var aggregator = bot.Services.GetRequiredService<MetricsAggregator>();
        while (await aggregator.FoldPendingAsync(cancellationToken) > 0)
        {
            // every sweep's worth, until nothing is due
        }
        await bot.Services.GetRequiredService<MetricsCensusService>().TakeIfDueAsync(cancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var figures = new List<TabViewFigure>();
        foreach (var (view, person) in Views)
        {
            var paints = new List<double>();
            var charts = new List<double>();
            var kib = 0.0;
            var count = 0;
            for (var i = 0; i <= repetitions; i++)
            {
                await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
                var page = await context.NewPageAsync();
                await page.GotoAsync($"{url}tab?as={Uri.EscapeDataString(person)}&view={view}");
                await page.WaitForSelectorAsync($"main[data-ready='{view}'][data-user='{person}'][data-charts='drawn']", new() { Timeout = 30_000 });
                var timing = await page.EvaluateAsync<double[]>("""
                    () => [
                      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
                      performance.getEntriesByName('checkinbot:charts-drawn')[0]?.startTime ?? -1,
                      performance.getEntriesByType('resource').filter(r => /\.(js|css)$/.test(new URL(r.name).pathname)).reduce((sum, r) => sum + r.encodedBodySize, 0),
                      document.querySelectorAll('canvas[data-drawn]').length,
                    ]
                    """);
                if (i == 0)
                    continue; // the first load warms the server (JIT), not the page
                paints.Add(timing[0]);
                charts.Add(timing[1]);
                kib = timing[2] / 1024;
                count = (int)timing[3];
            }
            figures.Add(new TabViewFigure(view, person, count, Median(paints), paints.Max(), Median(charts), charts.Max(), kib));
        }
        return figures;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Format(IReadOnlyList<TabViewFigure> figures) => string.Join(Environment.NewLine,
        figures.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"{f.View,-13} {f.Charts,6} {f.FirstPaintMedianMs,11:0} {f.FirstPaintMaxMs,9:0} {f.ChartsMedianMs,12:0} {f.ChartsMaxMs,10:0} {f.CompressedKiB,10:0.0}"))
        .Prepend($"{"view",-13} {"charts",6} {"paint med",11} {"paint max",9} {"charts med",12} {"charts max",10} {"JS+CSS KiB",10}"));
}
