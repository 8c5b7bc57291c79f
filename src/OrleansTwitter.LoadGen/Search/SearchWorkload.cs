using System.Globalization;

namespace OrleansTwitter.LoadGen.Search;

/// <summary>
/// Tweets and queries with the skew of real text: words and hashtags drawn from Zipf-like
/// distributions, so a few words ("w0", "w1", ...) are in a large share of all tweets (hot
/// terms) and most are rare. Seeded per caller, so runs repeat.
/// </summary>
internal sealed class SearchWorkload(int seed)
{
    /// <summary>Distinct words: w0 (the commonest) to w4999.</summary>
    public const int Vocabulary = 5_000;

    /// <summary>Distinct hashtags: #tag0 to #tag199.</summary>
    public const int Tags = 200;

    private readonly Random _random = new(seed);

    /// <summary>8 to 16 words; a hashtag in 3 tweets of 10.</summary>
    public string NextTweet()
    {
        var words = _random.Next(8, 17);
        var parts = new string[words + 1];
        for (var i = 0; i < words; i++)
        {
            parts[i] = Word(Zipf(Vocabulary));
        }

        parts[words] = _random.Next(10) < 3 ? "#" + Tag(Zipf(Tags)) : string.Empty;
        return string.Join(' ', parts).TrimEnd();
    }

    /// <summary>
    /// A query as people type them: one word (common or rare), a hashtag, or an AND of two or three
    /// words, the hardest case when every term is common.
    /// </summary>
    public string NextQuery() => _random.Next(5) switch
    {
        0 => Word(Zipf(Vocabulary)),
        1 => Word(_random.Next(Vocabulary)),
        2 => "#" + Tag(Zipf(Tags)),
        3 => $"{Word(Zipf(50))} {Word(Zipf(Vocabulary))}",
        _ => $"{Word(Zipf(20))} {Word(Zipf(200))} {Word(Zipf(Vocabulary))}",
    };

    private static string Word(int rank) => "w" + rank.ToString(CultureInfo.InvariantCulture);

    private static string Tag(int rank) => "tag" + rank.ToString(CultureInfo.InvariantCulture);

    // Rank r has weight about 1/(r+1): the inverse of the harmonic CDF, by rejection-free approximation.
    private int Zipf(int n) => Math.Min(n - 1, (int)Math.Floor(Math.Exp(_random.NextDouble() * Math.Log(n + 1)) - 1));
}
