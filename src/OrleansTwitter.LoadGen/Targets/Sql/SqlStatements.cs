namespace OrleansTwitter.LoadGen.Targets.Sql;

/// <summary>Approach 1's schema and its two statements.</summary>
internal static class SqlStatements
{
    /// <summary>Drops what a previous run left.</summary>
    public const string DropTables = "DROP TABLE IF EXISTS follows, tweets, users";

    /// <summary>
    /// Tables without keys, so the bulk load writes rows only; <see cref="Indexes"/> builds the
    /// keys afterwards in one sorted pass each, which is much faster than keeping them up to
    /// date row by row. Each is created in the transaction that fills it, which lets
    /// <c>COPY ... FREEZE</c> write its rows frozen and its pages all-visible, as a
    /// long-settled table's are (index-only scans of follows then never visit the table).
    /// </summary>
    public static readonly IReadOnlyList<(string Create, string Copy)> Tables =
    [
        ("CREATE TABLE users (id integer NOT NULL, handle text NOT NULL)", "COPY users (id, handle) FROM STDIN (FORMAT BINARY, FREEZE)"),
        ("CREATE TABLE follows (follower_id integer NOT NULL, followee_id integer NOT NULL)", "COPY follows (follower_id, followee_id) FROM STDIN (FORMAT BINARY, FREEZE)"),
        ("CREATE TABLE tweets (id bigint NOT NULL, author_id integer NOT NULL, body text NOT NULL)", "COPY tweets (id, author_id, body) FROM STDIN (FORMAT BINARY, FREEZE)"),
    ];

    /// <summary>
    /// The indexes the two statements need: a read finds a user's followees by the follows key
    /// (follower first) and each followee's newest tweets by (author, id descending); a post
    /// inserts by the tweets key. Nothing here looks followers up, so there is no index for
    /// that direction. No foreign keys: the load generator writes consistent rows, and a
    /// check on every insert is not what the comparison is about.
    /// </summary>
    public static readonly IReadOnlyList<string> Indexes =
    [
        "ALTER TABLE users ADD PRIMARY KEY (id)",
        "ALTER TABLE follows ADD PRIMARY KEY (follower_id, followee_id)",
        "ALTER TABLE tweets ADD PRIMARY KEY (id)",
        "CREATE INDEX tweets_author_id_id ON tweets (author_id, id DESC)",
    ];

    /// <summary>Statistics for the planner, once the tables are full.</summary>
    public const string Analyze = "ANALYZE users, follows, tweets";

    /// <summary>
    /// A home-timeline read: one join of the reader's follows with the followees' tweets,
    /// newest first, 50 rows. Every user follows themselves in this table (a row (u, u)), so
    /// the reader's own tweets are in their home timeline as in the product.
    /// </summary>
    public const string Read = """
        SELECT t.id, t.author_id, t.body
        FROM follows f
        JOIN tweets t ON t.author_id = f.followee_id
        WHERE f.follower_id = $1
        ORDER BY t.id DESC
        LIMIT 50
        """;

    /// <summary>A post: one insert.</summary>
    public const string Post = "INSERT INTO tweets (id, author_id, body) VALUES ($1, $2, $3)";
}
