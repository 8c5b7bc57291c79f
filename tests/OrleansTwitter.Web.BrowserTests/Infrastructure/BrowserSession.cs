using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace OrleansTwitter.Web.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, which test.sh installs when missing) driven by
/// Playwright, headless. Each user gets a context of their own (separate storage, like a separate
/// browser), and every page records console errors and uncaught exceptions so tests can fail on them.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The desktop size every page gets unless a test asks for another.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1180, Height = 820 };

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ConditionalWeakTable<IPage, List<string>> _errors = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
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

    /// <summary>
    /// A new browser context (one user) with one page at <paramref name="path"/> of
    /// <paramref name="address"/>. <paramref name="beforeLoad"/> runs before the page loads
    /// (to install a fake clock, say). English dates, so relative times read the same everywhere.
    /// </summary>
    public async Task<IPage> OpenAsync(Uri address, string name, string path = "/", ViewportSize? viewport = null, Func<IPage, Task>? beforeLoad = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Desktop,
            DeviceScaleFactor = 1,
            ColorScheme = ColorScheme.Light,
            Locale = "en-US",
            TimezoneId = "UTC",
            BaseURL = address.ToString(),
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        _errors.Add(page, errors);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record(errors, $"{name}: console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record(errors, $"{name}: uncaught: {error}");
        if (beforeLoad is not null)
        {
            await beforeLoad(page);
        }

        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Console errors and page errors seen so far on <paramref name="page"/>.</summary>
    public IReadOnlyList<string> ErrorsOf(IPage page)
    {
        var errors = _errors.TryGetValue(page, out var list) ? list : throw new ArgumentException("The page was not opened by this session.", nameof(page));
        lock (errors)
        {
            return [.. errors];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static void Record(List<string> errors, string error)
    {
        lock (errors)
        {
            errors.Add(error);
        }
    }
}
