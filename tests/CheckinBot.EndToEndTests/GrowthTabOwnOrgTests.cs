using System.Globalization;
using System.Text;
using CheckinBot.TestKit;
using Microsoft.Playwright;

namespace CheckinBot.EndToEndTests;

/// <summary>
/// The Growth tab in local mode on an org of the admin's own (a CSV of 27 people in four departments, an HR admin, six
/// months of history written by the bot's own services): the picker lists that org and every view finishes loading.
/// </summary>
public sealed class GrowthTabOwnOrgTests : IAsyncLifetime
{
    private static readonly string[] Departments = ["Sales", "Engineering", "Finance", "Support"];
    private readonly AzuriteFixture _azurite = new();
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.csv");
    private BotApplicationFactory<Program>? _bot;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private static string Id(int i) => $"10000000-0000-0000-0000-{i:D12}";

    public async Task InitializeAsync()
    {
        // One head of the company, four department heads under them, five or six people under each head.
        var csv = new StringBuilder("id,email,displayName,managerId,managerEmail,department,timeZone\n");
        csv.AppendLine(CultureInfo.InvariantCulture, $"{Id(0)},ceo@contoso.example,Casey Chief,,,Leadership,Europe/Berlin");
        for (var i = 1; i < 27; i++)
        {
            var head = i <= 4;
            var manager = head ? Id(0) : Id(1 + ((i - 5) % 4));
            csv.AppendLine(CultureInfo.InvariantCulture, $"{Id(i)},p{i}@contoso.example,Person {i:D2},{manager},,{Departments[(head ? i - 1 : i - 5) % 4]},America/New_York");
        }
        await File.WriteAllTextAsync(_csv, csv.ToString());
        await _azurite.InitializeAsync();
        _bot = new BotApplicationFactory<Program>(_azurite, new Dictionary<string, string?>
        {
            ["OrgDirectory:FilePath"] = _csv,
            ["Hr:AdminUserIds:0"] = Id(26),
            ["Local:SeedHistory"] = "true",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_bot is not null)
            await _bot.DisposeAsync();
        await _azurite.DisposeAsync();
        File.Delete(_csv);
    }

    [Fact]
    public async Task ThePicker_ListsTheOrgFromTheCsv_AndEachRolesViewLoads()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(new Uri(_bot!.StartOnLoopback(), "tab").ToString());

        var options = page.GetByLabel("View as").Locator("option");
        await Assertions.Expect(options).ToHaveCountAsync(27);
        Assert.Single(await options.AllInnerTextsAsync(), o => o.StartsWith("Person 26 · ", StringComparison.Ordinal) && o.EndsWith("(HR)", StringComparison.Ordinal));

        foreach (var (person, view) in new[] { (Id(26), "organisation"), (Id(1), "team"), (Id(9), "me") })
        {
            await page.GetByLabel("View as").SelectOptionAsync(person);
            await page.WaitForSelectorAsync($"main[data-ready='me'][data-user='{person}']");
            if (view != "me")
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = view == "organisation" ? "Organisation" : "My team" }).ClickAsync();
                await page.WaitForSelectorAsync($"main[data-ready='{view}']");
            }
            await Assertions.Expect(page.GetByText("Loading")).ToHaveCountAsync(0);
        }
    }
}
