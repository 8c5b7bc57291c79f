using System.Net;
using OrleansTwitter.Web.BrowserTests.Infrastructure;

namespace OrleansTwitter.Web.BrowserTests;

/// <summary>The page's addresses answer with the page; API and health addresses that do not exist stay problem 404s.</summary>
[Trait("Category", "Browser")]
[Collection(SharedWebApp.Name)]
public sealed class PageRoutesTests(WebAppFixture app)
{
    [Theory]
    [InlineData("/u/someone")]
    [InlineData("/u/someone/followers")]
    [InlineData("/u/someone/following")]
    [InlineData("/search?q=%23orleans")]
    public async Task A_page_address_answers_with_the_page(string path)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"/app.js\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/nothing")]
    [InlineData("/api/users/someone/nothing")]
    [InlineData("/health/nothing")]
    [InlineData("/u/someone/nothing")]
    [InlineData("/nothing")]
    public async Task Any_other_unknown_address_is_a_problem_404(string path)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
