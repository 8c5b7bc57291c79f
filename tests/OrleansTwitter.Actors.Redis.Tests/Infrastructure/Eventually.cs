namespace OrleansTwitter.Actors.Redis.Tests.Infrastructure;

/// <summary>Retries an attempt until it succeeds, within a bound that reports what it waited for.</summary>
internal static class Eventually
{
    private static readonly TimeSpan s_pause = TimeSpan.FromMilliseconds(100);

    public static async Task<T> SucceedsAsync<T>(string what, TimeSpan timeout, Func<Task<T>> attempt)
    {
        var deadline = DateTime.UtcNow + timeout;
        var attempts = 0;
        Exception last;
        do
        {
            attempts++;
            try
            {
                return await attempt();
            }
            catch (Exception e)
            {
                // Expected until the condition holds; the last failure explains a timeout.
                last = e;
            }

            await Task.Delay(s_pause);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Waited {timeout} for {what}; {attempts} attempt(s), the last failed with: {last.Message}", last);
    }
}
