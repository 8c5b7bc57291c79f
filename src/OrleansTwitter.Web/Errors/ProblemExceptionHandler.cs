using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using OrleansTwitter.Contracts;
using OrleansTwitter.Web.Diagnostics;

namespace OrleansTwitter.Web.Errors;

/// <summary>
/// Turns exceptions into problem details: what the caller got wrong is a 4xx that says what,
/// never a 500. The grains throw <see cref="ArgumentException"/> for bad input and
/// <see cref="UnknownUserException"/> for an unknown handle (recreated by type across processes).
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = Classify(exception);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            WebLog.RequestFailed(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = Problems.TitleOf(status), Detail = detail },
        });
    }

    private static (int Status, string? Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, DescribeBadRequest(bad)),
        UnknownUserException unknown => (StatusCodes.Status404NotFound, unknown.Message),
        ArgumentException argument => (StatusCodes.Status400BadRequest, argument.Message),
        JsonException json => (StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {json.Message}"),
        // Orleans could not deliver the call (a silo or gateway that left, a grain it could not
        // place before the call expired), or it timed out, or the web tier's retries ran out of
        // time: the request may simply be repeated.
        OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException or ClientNotAvailableException or TimeoutException
            or OperationCanceledException or Polly.Timeout.TimeoutRejectedException
            => (StatusCodes.Status503ServiceUnavailable, "The cluster is not reachable just now; try again."),
        // A write that lost a race with another activation, or storage that did not answer: the
        // request did not take effect and may simply be repeated.
        InconsistentStateException or IOException or Azure.RequestFailedException
            => (StatusCodes.Status503ServiceUnavailable, "Storage did not take the change just now; try again."),
        _ => (StatusCodes.Status500InternalServerError, null),
    };

    // The framework's message names the handler's parameter; the JSON reader's says where the body is wrong.
    private static string DescribeBadRequest(BadHttpRequestException bad) => bad switch
    {
        { InnerException: JsonException json } => $"The request body is not valid JSON for this request: {json.Message}",
        { StatusCode: StatusCodes.Status400BadRequest } when bad.Message.Contains("no body was provided", StringComparison.Ordinal)
            || bad.Message.Contains("from body", StringComparison.Ordinal) => "This request needs a JSON object as its body.",
        _ => bad.Message,
    };
}
