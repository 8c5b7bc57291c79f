using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansTwitter.Hosting.Configuration;

namespace OrleansTwitter.Hosting;

/// <summary>
/// How the silo host and the web front end end: the exit codes of the operator contract, each
/// with one line on standard error that says why. 0 after a graceful stop (also one asked for
/// while starting), 2 for bad configuration, 3 for a server that did not answer at start.
/// </summary>
public static class HostExit
{
    /// <summary>
    /// Runs the configuration steps of <paramref name="program"/>; null when they succeeded,
    /// otherwise the exit code, with the reason written.
    /// </summary>
    public static async Task<int?> ConfigureAsync(string program, Func<Task> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        try
        {
            await configure();
            return null;
        }
        catch (OperatorConfigurationException invalid)
        {
            return Fail(program, invalid.Message, OperatorConfigurationException.ExitCode);
        }
        catch (DependencyUnavailableException unavailable)
        {
            return Fail(program, unavailable.Message, DependencyUnavailableException.ExitCode);
        }
    }

    /// <summary>Runs <paramref name="host"/> until it stops, and returns the process's exit code.</summary>
    public static async Task<int> RunAsync(string program, IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);

        // Taken now: a failed start disposes the services it comes from.
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await host.RunAsync();
            return 0;
        }
        catch (OptionsValidationException invalid)
        {
            // Options are validated as the host starts (ValidateOnStart): Timeline:*, Web:*, Orleans:*.
            return Fail(program, invalid.Message, OperatorConfigurationException.ExitCode);
        }
        catch (OrleansConfigurationException invalid)
        {
            return Fail(program, invalid.Message, OperatorConfigurationException.ExitCode);
        }
        catch (Exception stoppedWhileStarting) when (lifetime.ApplicationStopping.IsCancellationRequested && IsCancellation(stoppedWhileStarting))
        {
            // SIGTERM before the silo had started: it stopped as asked, with nothing to hand over.
            Console.WriteLine($"{program}: stopped while starting.");
            return 0;
        }
    }

    private static int Fail(string program, string message, int exitCode)
    {
        var what = exitCode == OperatorConfigurationException.ExitCode ? "invalid configuration" : "cannot start";
        Console.Error.WriteLine($"{program}: {what}: {message}");
        return exitCode;
    }

    // A start cut short by a stop fails with cancellations, one per hosted service still starting.
    private static bool IsCancellation(Exception exception) => exception is AggregateException all
        ? all.InnerExceptions.All(IsCancellation)
        : exception is OperationCanceledException or OrleansLifecycleCanceledException;
}
