using System.Runtime.CompilerServices;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Runs;

/// <summary>A cadence's audience, streamed from the directory: everyone, or departments, Entra groups and named people; minus exclusions.</summary>
public static class Audience
{
    /// <param name="groupMembers">Resolves <see cref="CadenceAudience.GroupIds"/> once, before streaming (a set of ids, not people).</param>
    public static async IAsyncEnumerable<Person> Stream(
        IOrgDirectory directory, IGroupMembers groupMembers, CadenceAudience audience, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var includes = await MatcherAsync(groupMembers, audience, cancellationToken);
        await foreach (var person in directory.ListEveryoneAsync(cancellationToken))
        {
            if (includes(person))
                yield return person;
        }
    }

    /// <summary>Whether a person is in the audience, for a caller that walks the directory once for several audiences.</summary>
    public static async Task<Func<Person, bool>> MatcherAsync(IGroupMembers groupMembers, CadenceAudience audience, CancellationToken cancellationToken)
    {
        var inGroups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in audience.GroupIds)
            inGroups.UnionWith(await groupMembers.MemberIdsAsync(group, cancellationToken) ?? new HashSet<string>());
        var excluded = audience.ExcludeUserIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = audience.UserIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var departments = audience.Departments.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var groups = audience.GroupIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return person => person.Enabled && !excluded.Contains(person.Id)
            && (audience.Everyone || named.Contains(person.Id) || (person.Department is { } d && departments.Contains(d)) || inGroups.Contains(person.Id) || person.GroupIds.Any(groups.Contains));
    }
}
