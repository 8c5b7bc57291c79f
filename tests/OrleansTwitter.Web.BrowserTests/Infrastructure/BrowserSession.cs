using Microsoft.Playwright;

namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, which test.sh installs when missing) driven by
/// Playwright, headless. Each user gets a context of their own (separate storage, like a separate
/// browser), and every page records console errors and uncaught exceptions so tests can fail on them.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _errors = [];
    private readonly Lock _lock = new();

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Console errors and page errors seen so far, each with the page it came from.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<BrowserSession> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException($"Chromium is not installed at {ChromiumPath}: run ./test.sh (it installs it), or apt-get install -y chromium.", ChromiumPath);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A new browser context (one user) with one page at <paramref name="address"/>.</summary>
    public async Task<IPage> OpenAsync(Uri address, string name)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1180, Height = 820 },
            DeviceScaleFactor = 1,
            ColorScheme = ColorScheme.Light,
            BaseURL = address.ToString(),
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"{name}: console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"{name}: uncaught: {error}");
        await page.GotoAsync("/");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private void Record(string error)
    {
        lock (_lock)
        {
            _errors.Add(error);
        }
    }
}
