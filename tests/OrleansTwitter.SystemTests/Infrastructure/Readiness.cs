using System.Diagnostics;
using System.Net;

namespace OrleansTwitter.SystemTests.Infrastructure;

/// <summary>Waits for a process's <c>/health/ready</c> to answer 200, bounded, and fails at once when the process exits.</summary>
internal static class Readiness
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public static async Task WaitAsync(HostProcess process, Uri baseAddress, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited with code {process.ExitCode} before it was ready. Its output:{Environment.NewLine}{process.Output}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: the HTTP port opens once the host has started.
                last = exception.Message;
            }

            await Task.Delay(Pause);
        }

        throw new TimeoutException($"{process.Name}'s {baseAddress}health/ready did not answer 200 within {timeout} (last: {last}). Its output:{Environment.NewLine}{process.Output}");
    }
}
