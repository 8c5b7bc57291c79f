using OrleansTwitter.LoadGen.Chaos.Load;
using OrleansTwitter.LoadGen.Chaos.Scenarios;
using Spectre.Console;
using static System.FormattableString;

namespace OrleansTwitter.LoadGen.Chaos.Reporting;

/// <summary>
/// The scenario's progress on the console: each step as a line when it happens, and on a
/// terminal a live status line (Spectre.Console) with the phase and the load's requests,
/// failures and p99 so far. Written to a file or pipe, the status comes as a line every few seconds instead.
/// </summary>
internal sealed class ChaosConsole : IChaosProgress
{
    private static readonly TimeSpan PlainStatusPeriod = TimeSpan.FromSeconds(5);
    private readonly Lock _lock = new();
    private string _phase = "starting";
    private RequestTally? _tally;

    /// <summary>Runs <paramref name="work"/> with the live status shown while it runs.</summary>
    public async Task<T> ShowAsync<T>(string title, Func<Task<T>> work)
    {
        AnsiConsole.MarkupLine(Invariant($"[bold]{Markup.Escape(title)}[/]"));
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            using var stop = new CancellationTokenSource();
            var status = WritePlainStatusAsync(stop.Token);
            try
            {
                return await work();
            }
            finally
            {
                await stop.CancelAsync();
                await status;
            }
        }

        return await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(Status(), async context =>
        {
            var task = work();
            while (!task.IsCompleted)
            {
                await Task.WhenAny(task, Task.Delay(250));
                context.Status(Status());
            }

            return await task;
        });
    }

    public void Phase(string text)
    {
        lock (_lock)
        {
            _phase = text;
        }
    }

    public void Event(ScenarioEvent step) =>
        AnsiConsole.MarkupLine(Invariant($"  [grey]{step.At.TotalSeconds,7:F2} s[/] {Markup.Escape(step.Text)}"));

    public void Watch(RequestTally? tally)
    {
        lock (_lock)
        {
            _tally = tally;
        }
    }

    private string Status()
    {
        lock (_lock)
        {
            if (_tally is not { } tally)
            {
                return Markup.Escape(_phase);
            }

            var failures = tally.Failures;
            var colour = failures == 0 ? "green" : "red";
            return Invariant($"{Markup.Escape(_phase)} [grey]|[/] {tally.Now.TotalSeconds:F0} s, {tally.Count:N0} requests, [{colour}]{failures:N0} failed[/]");
        }
    }

    private async Task WritePlainStatusAsync(CancellationToken cancellationToken)
    {
        string? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var status = Status();
            if (status != last)
            {
                AnsiConsole.MarkupLine(Invariant($"  [grey]{DateTime.Now:HH:mm:ss}[/] {status}"));
                last = status;
            }

            try
            {
                await Task.Delay(PlainStatusPeriod, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
