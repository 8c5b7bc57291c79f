using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace OrleansTwitter.Web.Errors;

/// <summary>Problem-details results with the titles this API uses.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, detail);

    public static ProblemHttpResult Unauthorized(string detail) => Create(StatusCodes.Status401Unauthorized, detail);

    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, detail);

    public static ProblemHttpResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, detail);

    public static ProblemHttpResult Create(int status, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = TitleOf(status), Detail = detail });

    /// <summary>
    /// Gives every problem this API's title for its status, and a detail to the ones the
    /// framework writes bare (challenges, unknown routes, a wrong content type).
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        problem.Title = TitleOf(status);
        problem.Detail ??= status switch
        {
            StatusCodes.Status401Unauthorized => "Sign in first: send 'Authorization: Bearer <accessToken>' with a token from POST /api/sessions.",
            StatusCodes.Status404NotFound => "Nothing is at this address.",
            StatusCodes.Status405MethodNotAllowed => "This address does not take that method.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with 'Content-Type: application/json'.",
            _ => null,
        };
    }

    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Payload too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        >= 500 => "Internal server error",
        _ => "Error",
    };
}
