using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CheckinBot.TestKit;

/// <summary>Keeps every log entry at or above a level, so a test can assert that nothing was logged as an error.</summary>
public sealed class CollectingLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
        }
    }

    private readonly LogLevel _minimum = minimum;
}
