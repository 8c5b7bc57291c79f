using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>One log event a <see cref="LogCapture"/> kept.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
