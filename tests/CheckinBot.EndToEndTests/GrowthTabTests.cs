using CheckinBot.Core.Goals;
using CheckinBot.Core.Insights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CheckinBot.EndToEndTests;

/// <summary>
/// The Growth tab in headless Chromium, through the local picker, as an employee (Isaiah), a manager (Megan, and Alex
/// whose team of two is under the threshold) and an HR admin (Adele): each view's tables show what the store holds.
/// </summary>
public sealed class GrowthTabTests(TabFixture stack) : IClassFixture<TabFixture>
{
    private async Task<IPage> OpenAsync(string personId, ColorScheme scheme = ColorScheme.Light)
    {
        var page = await stack.Browser.NewPageAsync(new() { ColorScheme = scheme });
        await page.GotoAsync(new Uri(stack.BotUrl, "tab").ToString());
        // Like a person: choose whom to view as, then wait for the page to say it is ready.
        await page.GetByLabel("View as").SelectOptionAsync(personId);
        await page.WaitForSelectorAsync($"#who:has-text('{await NameOfAsync(personId)}')");
        await page.WaitForSelectorAsync($"main[data-ready='me'][data-user='{personId}']");
        return page;
    }

    private async Task<string> NameOfAsync(string personId) =>
        (await stack.BotServices.GetRequiredService<CheckinBot.Core.Org.IOrgDirectory>().FindAsync(personId, CancellationToken.None))!.Name;

    private static async Task ShowAsync(IPage page, string tab, string view)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
        await page.WaitForSelectorAsync($"main[data-ready='{view}']");
    }

    /// <summary>A table's rows, cells joined by tabs (the tables behind charts sit in a closed "the numbers" section).</summary>
    private static Task<string[]> RowsAsync(IPage page, string table) =>
        page.Locator($"table:has(caption:text-is('{table}')) tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => [...r.cells].map(c => c.textContent).join('\\t'))");

    private async Task<int> CensusAsync(string group) =>
        (await stack.BotServices.GetRequiredService<IMetricsStore>().ReadCensusAsync(group, [group], CancellationToken.None))!.Sizes[group];

    [Theory]
    [InlineData("**/tab/lib/chart.umd.min.js", "/tab/lib/chart.umd.min.js did not load")]
    [InlineData("**/tab/lib/web-components-all.min.js", "did not")] // the app's own module cannot start without it
    public async Task ALibraryThatDoesNotLoad_IsSaidInASentence_NotLoadingForEver(string library, string said)
    {
        var page = await stack.Browser.NewPageAsync();
        await page.RouteAsync(library, route => route.FulfillAsync(new() { Status = 404, Body = "" }));

        await page.GotoAsync(new Uri(stack.BotUrl, "tab").ToString());

        // Playwright waits up to 5 s: the page's own promise.
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("The Growth tab could not load its charts", new() { Timeout = 5000 });
        Assert.Contains(said, await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Reload, or tell your admin.", await alert.InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText("Loading your growth…")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnEmployee_SeesTheirOwnGoalsOverTime_AndNoOneElses()
    {
        var goals = stack.BotServices.GetRequiredService<GoalService>();
        var (goal, _, _) = await goals.AddAsync(TabFixture.Isaiah, "Learn Kusto", null, null, null, null, CancellationToken.None);
        await goals.UpdateProgressAsync(TabFixture.Isaiah, goal!.Id, "30", null, CancellationToken.None);
        await goals.UpdateProgressAsync(TabFixture.Isaiah, goal.Id, "60", null, CancellationToken.None);

        var page = await OpenAsync(TabFixture.Isaiah);

        Assert.Empty(await page.GetByRole(AriaRole.Tab).AllInnerTextsAsync()); // one view: no team, no organisation to switch to
        var progress = await RowsAsync(page, "Goal progress over time");
        Assert.Equal(2, progress.Length);
        Assert.Contains("Learn Kusto", progress[1], StringComparison.Ordinal);
        Assert.EndsWith("60%", progress[1].TrimEnd(), StringComparison.Ordinal);
        Assert.Equal("1", await page.Locator("dt:text-is('Active goals') + dd").InnerTextAsync());
        await page.WaitForSelectorAsync("canvas[data-drawn='true']");

        // On a phone-width window nothing runs off the side.
        await page.SetViewportSizeAsync(360, 740);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join(' | ')"));

        // The page's own API refuses another person's team, and organisation figures.
        var headers = new Dictionary<string, string> { ["X-CheckinBot-Local-User"] = TabFixture.Isaiah };
        Assert.Equal(403, (await page.APIRequest.GetAsync($"{stack.BotUrl}api/team/overview?managerId={TabFixture.Megan}", new() { Headers = headers })).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync($"{stack.BotUrl}api/admin/metrics", new() { Headers = headers })).Status);
        await page.CloseAsync();
    }

    [Fact]
    public async Task AnEmployee_BuildsAReviewPackInTheMeView_LeavingALineOut_AndSharesIt()
    {
        var goals = stack.BotServices.GetRequiredService<GoalService>();
        await goals.AddAsync(TabFixture.Diego, "Write a design doc end to end", null, null, null, null, CancellationToken.None);
        await goals.AddAsync(TabFixture.Diego, "Keep this one out of the pack", null, null, null, null, CancellationToken.None);
        var page = await OpenAsync(TabFixture.Diego);

        await page.GetByLabel("Period").SelectOptionAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my entries" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Learning goals and milestones" }).WaitForAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Keep this one out of the pack" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Build my review pack" }).ClickAsync();

        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download (Word)" });
        var document = await page.APIRequest.GetAsync((await download.GetAttributeAsync("href"))!); // the sealed link alone, no sign-in
        Assert.Equal(200, document.Status);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await document.BodyAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Write a design doc end to end", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Keep this one out of the pack", text, StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Share with my manager" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Shared with" })).ToContainTextAsync($"Shared with {await NameOfAsync(TabFixture.Alex)}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task AManager_SeesTheirTree_AndATeamUnderTheThreshold_ShowsNoFigures()
    {
        await stack.BotServices.GetRequiredService<MetricsCensusService>().TakeIfDueAsync(CancellationToken.None);

        var megan = await OpenAsync(TabFixture.Megan);
        await ShowAsync(megan, "My team", "team");

        Assert.Equal((await CensusAsync("tree:" + TabFixture.Megan)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            await megan.Locator("dt:text-is('People') + dd").InnerTextAsync());
        var reports = await RowsAsync(megan, "Direct reports");
        Assert.Contains(reports, r => r.StartsWith("Alex Wilber", StringComparison.Ordinal));
        Assert.Contains(reports, r => r.StartsWith("Patti Fernandez", StringComparison.Ordinal));
        await megan.WaitForSelectorAsync("text=No check-ins sent or completed in these 12 weeks yet"); // a first-run state, not an empty chart
        await megan.CloseAsync();

        var alex = await OpenAsync(TabFixture.Alex);
        await ShowAsync(alex, "My team", "team");

        await alex.WaitForSelectorAsync("text=its figures are hidden to protect everyone's anonymity");
        Assert.Equal(0, await alex.Locator("dt:text-is('People')").CountAsync()); // not a number anywhere
        Assert.Equal(2, (await RowsAsync(alex, "Direct reports")).Length); // his own reports' status, as in the team card
        await alex.CloseAsync();
    }

    [Fact]
    public async Task AnHrAdmin_SeesTheOrganisation_ByDepartment_WithSmallOnesHidden()
    {
        await stack.BotServices.GetRequiredService<MetricsCensusService>().TakeIfDueAsync(CancellationToken.None);

        var adele = await OpenAsync(TabFixture.Adele, ColorScheme.Dark);
        await ShowAsync(adele, "Organisation", "organisation");

        Assert.Equal((await CensusAsync("org")).ToString(System.Globalization.CultureInfo.InvariantCulture), await adele.Locator("dt:text-is('People') + dd").InnerTextAsync());
        var departments = await RowsAsync(adele, "Completion by department");
        var engineering = await CensusAsync("dept:Engineering");
        Assert.True(departments.Any(r => r.StartsWith($"Engineering\t{engineering}\t", StringComparison.Ordinal)), string.Join(" | ", departments));
        Assert.DoesNotContain(departments, r => r.StartsWith("Leadership", StringComparison.Ordinal)); // one person
        await adele.WaitForSelectorAsync("text=Hidden to protect anonymity");
        Assert.Equal(5, (await RowsAsync(adele, "Energy answers by value")).Length);
        await adele.WaitForSelectorAsync("canvas[data-drawn='true']");
        // A dark system (or Teams) theme gives a dark page: Fluent's Teams dark tokens, not the light defaults.
        var background = await adele.EvaluateAsync<int[]>("() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)");
        Assert.True(background.Sum() < 150, string.Join(",", background));
        await adele.CloseAsync();
    }
}
