namespace CheckinBot.Core;

/// <summary>Ids made from names HR types ("Weekly growth check-in" → <c>weekly-growth-check-in</c>), unique where they live.</summary>
public static class IdSlug
{
    /// <summary>Lowercase ASCII letters and digits, words joined by dashes, at most <paramref name="maxLength"/> characters.</summary>
    public static string From(string? text, int maxLength, string fallback, int maxWords = int.MaxValue)
    {
        var words = new string([.. (text ?? "").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(maxWords);
        var slug = string.Join('-', words);
        return slug.Length == 0 ? fallback : slug[..Math.Min(slug.Length, maxLength)].TrimEnd('-');
    }

    /// <summary><paramref name="slug"/>, <c>{slug}-2</c>, <c>{slug}-3</c> …: the ids to try, in order, until one is free.</summary>
    public static IEnumerable<string> Candidates(string slug)
    {
        yield return slug;
        for (var n = 2; ; n++)
            yield return $"{slug}-{n}";
    }

    /// <summary>The first candidate that is not taken, asking the store.</summary>
    public static async Task<string> FirstFreeAsync(string slug, Func<string, Task<bool>> isTaken)
    {
        using var candidates = Candidates(slug).GetEnumerator();
        while (candidates.MoveNext() && await isTaken(candidates.Current))
        {
        }
        return candidates.Current;
    }
}
