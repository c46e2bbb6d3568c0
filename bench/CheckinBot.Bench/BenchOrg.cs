using System.Globalization;
using System.Text;

namespace CheckinBot.Bench;

/// <summary>
/// An org of N people (flat unless <c>managerOf</c> says otherwise, ten departments) written as the CSV the <c>File</c>
/// directory reads, in a temp file that is deleted on dispose. Each scenario numbers its people apart so runs never
/// share ids.
/// </summary>
internal sealed class BenchOrg : IAsyncDisposable
{
    private BenchOrg(string csvPath, IReadOnlyList<string> ids) => (CsvPath, Ids) = (csvPath, ids);

    public string CsvPath { get; }

    public IReadOnlyList<string> Ids { get; }

    /// <param name="zones">Time zones handed out in turn.</param>
    /// <param name="managerOf">Person i's manager (an index), or null.</param>
    public static async Task<BenchOrg> WriteAsync(int people, byte scenario, IReadOnlyList<string> zones, CancellationToken cancellationToken, Func<int, int?>? managerOf = null)
    {
        var ids = Enumerable.Range(0, people).Select(i => new Guid(i, scenario, scenario, [0, 0, 0, 0, 0, 0, 0, (byte)(scenario + 1)]).ToString()).ToList();
        var csv = new StringBuilder("id,email,displayName,managerId,managerEmail,department,timeZone\n");
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            csv.Append(CultureInfo.InvariantCulture, $"{id},p{i}@contoso.example,Person {i},{(managerOf?.Invoke(i) is { } m ? ids[m] : "")},,Dept {i % 10},{zones[i % zones.Count]}\n");
        var path = Path.Combine(Path.GetTempPath(), $"checkinbot-bench-org-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString(), cancellationToken);
        return new BenchOrg(path, ids);
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(CsvPath);
        return ValueTask.CompletedTask;
    }
}
