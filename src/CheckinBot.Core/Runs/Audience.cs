using System.Runtime.CompilerServices;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Runs;

/// <summary>A cadence's audience, streamed from the directory: everyone, or departments and named people; minus exclusions.</summary>
public static class Audience
{
    public static async IAsyncEnumerable<Person> Stream(IOrgDirectory directory, CadenceAudience audience, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var excluded = audience.ExcludeUserIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = audience.UserIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var departments = audience.Departments.ToHashSet(StringComparer.OrdinalIgnoreCase);
        await foreach (var person in directory.ListEveryoneAsync(cancellationToken))
        {
            if (!person.Enabled || excluded.Contains(person.Id))
                continue;
            if (audience.Everyone || named.Contains(person.Id) || (person.Department is { } d && departments.Contains(d)))
                yield return person;
        }
    }
}
