namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>
/// One web front end process (Memory storage) and one Chromium, shared by the tests of a
/// collection or class: starting them costs seconds, a test's users cost milliseconds. Tests
/// that share it use handles of their own.
/// </summary>
public class WebAppFixture : IAsyncLifetime
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ot-browser-").FullName;
    private WebAppProcess? _app;
    private BrowserSession? _browser;

    public Uri BaseAddress => (_app ?? throw new InvalidOperationException("The web app has not started.")).BaseAddress;

    public BrowserSession Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        // A post limit out of the way: tests post a page and a half of tweets at once.
        _app = await WebAppProcess.StartAsync(_workingDirectory, "--Storage:Provider=Memory", "--Web:PostRateLimit:Burst=200");
        _browser = await BrowserSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_workingDirectory, recursive: true);
    }
}
