using CheckinBot.Core.Org;

namespace CheckinBot.Core.Tests.Org;

public sealed class OrgCsvTests
{
    private const string Header = "id,email,displayName,managerId,managerEmail,department,timeZone\n";

    [Fact]
    public void Parse_BadRows_AreReportedWithLineAndReason_GoodRowsLoad()
    {
        var csv = Header
            + "aaaa-1,ann@x.example,Ann Lee,,,People,Europe/Berlin\n"
            + "aaaa-2,bo@x.example,\"Bo, Jr.\",,ann@x.example,Eng,\n"
            + "not/an id,c@x.example,Cy,,,Eng,\n"
            + "aaaa-3,d@x.example,Di,,,Eng,Mars/Olympus\n"
            + "aaaa-4,e@x.example,Ed\n"
            + "aaaa-5,f@x.example,Flo,aaaa-404,,Eng,\n"
            + "aaaa-1,dup@x.example,Dup,,,Eng,\n";

        var result = OrgCsv.Parse(new StringReader(csv));

        Assert.Equal(["aaaa-1", "aaaa-2", "aaaa-5"], result.People.Select(p => p.Id).Order());
        Assert.Equal("Bo, Jr.", result.People.Single(p => p.Id == "aaaa-2").DisplayName);
        Assert.Equal("aaaa-1", result.People.Single(p => p.Id == "aaaa-2").ManagerId); // found by managerEmail
        Assert.Null(result.People.Single(p => p.Id == "aaaa-5").ManagerId);
        Assert.Collection(result.Problems,
            p => Assert.StartsWith("line 4: id 'not/an id'", p, StringComparison.Ordinal),
            p => Assert.Equal("line 5: unknown time zone 'Mars/Olympus'", p),
            p => Assert.Equal("line 6: expected 7 columns, found 3", p),
            p => Assert.StartsWith("line 8: id aaaa-1 appears twice", p, StringComparison.Ordinal),
            p => Assert.StartsWith("line 7: manager 'aaaa-404' is not in the file", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_GroupsColumn_GivesEachPersonTheirGroups_AndAudiencesPickThemByGroup()
    {
        var csv = Header.TrimEnd('\n') + ",groups\n"
            + "aaaa-1,ann@x.example,Ann Lee,,,People,,G-Leads; g-all\n"
            + "aaaa-2,bo@x.example,Bo,,,Eng,,g-all\n"
            + "aaaa-3,cy@x.example,Cy,,,Eng,,\n";

        var result = OrgCsv.Parse(new StringReader(csv));
        var leads = CheckinBot.Core.Runs.Audience.Stream(new InMemoryOrgDirectory(result.People), new GroupsFromDirectory(),
            new CheckinBot.Core.Cadences.CadenceAudience { GroupIds = ["g-leads"] }, CancellationToken.None).ToBlockingEnumerable();

        Assert.Empty(result.Problems);
        Assert.Equal(["g-leads", "g-all"], result.People.Single(p => p.Id == "aaaa-1").GroupIds);
        Assert.Equal(["aaaa-1"], leads.Select(p => p.Id));
    }

    [Theory]
    [InlineData(",hireDate", "")]
    [InlineData(",groups,hireDate", ",g-all")]
    public void Parse_HireDateColumn_AfterTimeZoneOrGroups_GivesHireDates_AndNamesBadOnes(string headings, string groups)
    {
        var csv = Header.TrimEnd('\n') + headings + "\n"
            + $"aaaa-1,ann@x.example,Ann Lee,,,People,{groups},2026-09-01\n"
            + $"aaaa-2,bo@x.example,Bo,,,Eng,{groups},\n"
            + $"aaaa-3,cy@x.example,Cy,,,Eng,{groups},01/09/2026\n";

        var result = OrgCsv.Parse(new StringReader(csv));

        Assert.Equal(new DateOnly(2026, 9, 1), result.People.Single(p => p.Id == "aaaa-1").HireDate);
        Assert.Null(result.People.Single(p => p.Id == "aaaa-2").HireDate);
        Assert.Equal(["line 4: hire date '01/09/2026' is not a date like 2026-09-01"], result.Problems);
    }

    [Fact]
    public void Parse_HireDateBeforeGroups_IsRefusedNamingTheOrder()
    {
        var result = OrgCsv.Parse(new StringReader(Header.TrimEnd('\n') + ",hireDate,groups\n"));

        Assert.Empty(result.People);
        Assert.Contains("optionally followed by ,groups and then ,hireDate", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongHeader_LoadsNothingAndSaysWhy()
    {
        var result = OrgCsv.Parse(new StringReader("name,manager\nAnn,Bo\n"));

        Assert.Empty(result.People);
        Assert.StartsWith("line 1: the header must be", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleOrg_GivesThePlaygroundUserAManagerAndADirectReport()
    {
        using var reader = File.OpenText(Path.Combine(TestKit.RepoPaths.Root, "samples", "org.csv"));
        var result = OrgCsv.Parse(reader);
        var directory = new InMemoryOrgDirectory(result.People);
        const string alex = "00000000-0000-0000-0000-0000000000020";

        Assert.Empty(result.Problems);
        Assert.InRange(result.People.Count, 18, 25);
        Assert.Equal("00000000-0000-0000-0000-0000000000021", result.People.Single(p => p.Id == alex).ManagerId);
        Assert.NotEmpty(await directory.DirectReportsAsync(alex, CancellationToken.None));
        Assert.Equal(["Megan Bowen"], (await directory.SearchAsync("meg bo", 5, CancellationToken.None)).Select(p => p.Name));
    }
}
