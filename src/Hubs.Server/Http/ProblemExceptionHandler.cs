using System.Text.Json;
using Hubs.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Hubs.Server.Http;

/// <summary>Turns exceptions into problem details: the caller's mistakes into 4xx, everything else into 500.</summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            HubsException hubs => Problems.FromException(hubs),
            BadHttpRequestException { InnerException: JsonException } =>
                Problems.MalformedJson("The body is not valid JSON for this request."),
            BadHttpRequestException { StatusCode: 400 } missing
                when missing.Message.Contains("no body", StringComparison.Ordinal) =>
                Problems.MalformedJson("This request needs a JSON body."),
            BadHttpRequestException bad => Problems.FromStatus(bad.StatusCode, bad.Message),
            JsonException => Problems.MalformedJson("The body is not valid JSON for this request."),
            _ => null,
        };

        if (result is null)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            result = Problems.Unexpected();
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }
}
