using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using OrleansTwitter.LoadGen.Chaos.Reporting;
using OrleansTwitter.LoadGen.Chaos.Scenarios;
using Spectre.Console;

namespace OrleansTwitter.LoadGen.Chaos;

/// <summary>
/// <c>chaos &lt;scenario&gt;</c>: runs a failure scenario of issue 18 on real processes on
/// loopback and prints its figures and bars; the system tests run this same command.
/// </summary>
internal static class ChaosCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var defaults = new ChaosSettings();
        var scenario = new Argument<string>("scenario")
        {
            Description = "kill | scale | rolling | redis-restart | rolling-new-contracts | all",
        };
        scenario.AcceptOnlyFromAmong([.. ScenarioNames.Accepted]);
        var rate = new Option<double>("--rate") { Description = "Requests started per second, spread over the two web front ends.", DefaultValueFactory = _ => defaults.Rate };
        var users = new Option<int>("--users") { Description = "Signed-in users of the load, all active.", DefaultValueFactory = _ => defaults.Users };
        var followees = new Option<int>("--followees") { Description = "How many users each user follows.", DefaultValueFactory = _ => defaults.Followees };
        var hold = new Option<double>("--hold") { Description = "Seconds of load before the first fault, and after the bar's recovery window.", DefaultValueFactory = _ => defaults.Hold.TotalSeconds };
        var json = new Option<string?>("--json") { Description = "Write the figures of every run (a JSON array) to this file." };
        var logs = new Option<string?>("--logs") { Description = "Save every process's whole output in this folder." };
        var command = new Command("chaos", "Failure scenarios under load on real processes (Redis, Azurite, 3 silos, 2 web front ends): SIGKILL of a silo, scale 2 → 3 → 2, rolling upgrades, a Redis restart; prints requests, failures, p99, recovery time and lost tweets.")
        {
            scenario, rate, users, followees, hold, json, logs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = defaults with
            {
                Rate = parse.GetValue(rate),
                Users = parse.GetValue(users),
                Followees = parse.GetValue(followees),
                Hold = TimeSpan.FromSeconds(parse.GetValue(hold)),
                LogFolder = parse.GetValue(logs),
            };
            var problems = settings.Validate().ToList();
            if (problems.Count > 0)
            {
                // Exit code 2: bad arguments, as the parser's own errors.
                problems.ForEach(Console.Error.WriteLine);
                return Task.FromResult(2);
            }

            var line = "dotnet run -c Release --project src/OrleansTwitter.LoadGen -- chaos " + string.Join(' ', parse.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value));
            return RunAsync(ScenarioNames.Parse(parse.GetValue(scenario)!), settings, line, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<ScenarioKind> kinds, ChaosSettings settings, string line, string? jsonPath, CancellationToken cancellationToken)
    {
        var runs = new List<ChaosFigures>();
        foreach (var kind in kinds)
        {
            var console = new ChaosConsole();
            var (figures, tails) = await console.ShowAsync($"chaos {ScenarioNames.Of(kind)}: {settings.Rate:N0} requests/s, {settings.Users} users",
                () => ScenarioRunner.RunAsync(kind, settings, line, console, cancellationToken));
            FiguresTable.Write(figures);
            if (tails.Length > 0)
            {
                AnsiConsole.WriteLine("The processes' last lines:");
                AnsiConsole.WriteLine(tails);
            }

            runs.Add(figures);
            if (jsonPath is not null)
            {
                // After each run, so that a later run's crash keeps the earlier figures.
                await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(runs, s_json), cancellationToken);
            }
        }

        if (runs.Count > 1)
        {
            FiguresTable.WriteSummary(runs);
        }

        return runs.All(r => r.Passed) ? 0 : 1;
    }
}
