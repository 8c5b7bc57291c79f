using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Grains.Diagnostics;

/// <summary>Source-generated log messages of search, trends and the user directory.</summary>
internal static partial class SearchLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Writing {Failed} of the {Terms} terms of an index batch failed; they are kept and sent again")]
    public static partial void IndexFlushFailed(ILogger logger, Exception exception, int failed, int terms);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Merging {Counts} hashtag counts of this silo into the trends failed; they are kept and sent again")]
    public static partial void TrendFlushFailed(ILogger logger, Exception exception, int counts);
}
