namespace Hubs.Server.Http;

internal sealed partial class ProblemExceptionHandler
{
    [LoggerMessage(EventId = 1, EventName = "UnexpectedError", Level = LogLevel.Error,
        Message = "Unexpected error in {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
