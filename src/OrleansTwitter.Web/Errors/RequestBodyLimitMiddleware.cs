using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OrleansTwitter.Web.Hosting;

namespace OrleansTwitter.Web.Errors;

/// <summary>
/// Refuses a body over <see cref="WebOptions.MaxRequestBodyBytes"/> with <c>413</c> before any
/// handler reads it. A body without a length (chunked) is read up to the limit first and then
/// handed on from memory: a limit hit half-way through JSON parsing would otherwise look like a
/// dropped connection to the framework, not like a request that is too large.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<WebOptions> options)
{
    private readonly int _limit = options.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is { } length)
        {
            if (length > _limit)
            {
                throw TooLarge();
            }
        }
        else if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > _limit)
                {
                    throw TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }

        await next(context);
    }

    private BadHttpRequestException TooLarge() =>
        new($"A request body is at most {_limit} bytes.", StatusCodes.Status413PayloadTooLarge);
}
