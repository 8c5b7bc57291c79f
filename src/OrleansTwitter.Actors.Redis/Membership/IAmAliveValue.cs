using System.Globalization;

namespace OrleansTwitter.Actors.Redis.Membership;

/// <summary>
/// The stored form of an I-am-alive time: the UTC ticks as exactly 19 digits, then the offset in
/// minutes with its sign (<c>0638712345678901234+120</c>).
/// </summary>
/// <remarks>
/// The update script must keep the latest time, so it compares times inside Redis. Lua numbers are
/// doubles, which cannot hold ticks exactly (they exceed 2^53), but fixed-width digit strings
/// compare correctly as strings; the offset rides along so the time reads back exactly.
/// </remarks>
internal static class IAmAliveValue
{
    /// <summary>How many leading characters hold the ticks; the scripts compare only these.</summary>
    public const int TicksLength = 19;

    public static string Format(DateTimeOffset time) =>
        time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)
        + ((int)time.Offset.TotalMinutes).ToString("+0;-0", CultureInfo.InvariantCulture);

    /// <exception cref="FormatException">The text is not an I-am-alive value.</exception>
    public static DateTimeOffset Parse(string text)
    {
        if (text.Length <= TicksLength
            || !long.TryParse(text.AsSpan(0, TicksLength), NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || !int.TryParse(text.AsSpan(TicksLength), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offsetMinutes)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || Math.Abs(offsetMinutes) > 14 * 60)
        {
            throw new FormatException($"'{text}' is not an I-am-alive time (19-digit UTC ticks and a signed offset in minutes).");
        }

        return new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
    }
}
