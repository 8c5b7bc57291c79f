using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansTwitter.Web.Tests.Infrastructure;

/// <summary>Keeps the log events of one web app in memory, so a test can see what the app did about a fault.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _events = new();

    /// <summary>Every event so far, oldest first.</summary>
    public IReadOnlyList<CapturedLog> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _events);

    public void Dispose()
    {
        // Nothing to release: the events stay readable after the app stops.
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                events.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception), exception));
            }
        }
    }
}
