using System.Text.Json;
using System.Text.Json.Serialization;
using Hubs.Server.Chat;
using Hubs.Server.Hosting;
using Hubs.Server.Http;
using Hubs.Server.Identity;
using Hubs.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Hubs.Server;

/// <summary>
/// The composition of a Hubs node: Kestrel (HTTPS), the co-hosted Orleans silo, SQLite storage, the
/// REST API, the chat hub and the web app. Tests start it in-process with <see cref="Build"/>.
/// </summary>
public static class HubsApp
{
    /// <summary>Largest request body accepted (a message of 32,000 characters fits well).</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplication Build(string[] args)
    {
        var app = CreateBuilder(args).Build();
        Configure(app);
        return app;
    }

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // `dotnet run` starts in the repository root (so ./data is where the README says); the
        // content root stays beside the assembly so that appsettings.json there is still read.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddConfigFile(builder.Configuration);
        var section = builder.Configuration.GetSection(HubsOptions.SectionName);
        var options = section.Get<HubsOptions>() ?? new HubsOptions();
        var data = DataDirectory.Prepare(options.DataDirectory);
        var certificate = ServerCertificate.Load(options.Certificate, data);

        // Orleans is chatty at Information; operators need its warnings, not its configuration dump.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);

        // The watchdog's first check after start measures from an unset timestamp and reports a
        // stall of many minutes that never happened; real stalls also show up as slow requests.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Services.Configure<HubsOptions>(section);
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(certificate);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HealthState>();

        // Cookie-protection keys live in the data folder with everything else, not in the user profile.
        // TODO(#3): wrap them with the organisation's root key; today the 0700 data folder guards them.
        DataDirectory.CreatePrivate(Path.Combine(data.Path, "keys"));
        builder.Services.AddDataProtection()
            .SetApplicationName("Hubs")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.Path, "keys")));

        ConfigureKestrel(builder, options, certificate);
        ConfigureOrleans(builder, options, data);
        ConfigureHttp(builder.Services);

        builder.Services.AddSingleton<PasswordHasher>();
        builder.Services.AddSingleton<SessionService>();
        builder.Services.AddAuthentication(SessionClaims.Scheme)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionClaims.Scheme, null);
        builder.Services.AddAuthorization();

        builder.Services.AddSignalR(hub => hub.EnableDetailedErrors = false)
            .AddJsonProtocol(json => AddEnumConverter(json.PayloadSerializerOptions));
        builder.Services.AddSingleton<RoomFanout>();

        // Hosted services start in this order, after the silo that UseOrleans registered.
        builder.Services.AddHostedService<AdminBootstrap>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RoomFanout>());
        builder.Services.AddHostedService<StartupReporter>();
        return builder;
    }

    /// <summary>
    /// <c>--config file.json</c> (e.g. one of silo-config/) adds a settings file that ranks above
    /// appsettings.json and below environment variables and the command line.
    /// </summary>
    private static void AddConfigFile(ConfigurationManager configuration)
    {
        if (configuration["config"] is not { Length: > 0 } file)
        {
            return;
        }

        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The configuration file {path} given with --config does not exist.");
        }

        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var index = sources.TakeWhile(s => s is not EnvironmentVariablesConfigurationSource).Count();
        sources.Insert(index, new JsonConfigurationSource
        {
            Path = Path.GetFileName(path),
            Optional = false,
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(path)!),
        });
    }

    public static void Configure(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<OriginCheckMiddleware>();

        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var hasWebApp = File.Exists(Path.Combine(webRoot, "index.html"));
        if (hasWebApp)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = new PhysicalFileProvider(webRoot) });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(webRoot) });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CsrfMiddleware>();

        app.MapGet("/health", (HealthState health) => health.Ready
            ? Results.Ok(new { status = "ok" })
            : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapSessionEndpoints();
        app.MapUserEndpoints();
        app.MapRoomEndpoints();
        app.MapMessageEndpoints();
        app.MapHub<ChatHub>("/hubs/chat");

        // Only reads fall back, so a known path with the wrong method answers 405 and a body that is not
        // JSON 415 (as problem details, through the status-code pages) instead of a misleading 404.
        app.MapFallback((HttpContext context) => Fallback(context, webRoot, hasWebApp))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
    }

    private static IResult Fallback(HttpContext context, string webRoot, bool hasWebApp)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            return Problems.NotFound($"There is nothing at {context.Request.Method} {path}.");
        }

        if (hasWebApp)
        {
            return Results.File(Path.Combine(webRoot, "index.html"), "text/html; charset=utf-8");
        }

        return path == "/"
            ? Results.Text(
                "Hubs is running, but the web app was not built. Build the server with Node.js installed "
                + "(without -p:HubsSkipWebBuild=true) to get it.\n",
                "text/plain; charset=utf-8")
            : Problems.NotFound("The web app was not built.");
    }

    private static void ConfigureKestrel(
        WebApplicationBuilder builder,
        HubsOptions options,
        ServerCertificate certificate)
    {
        // --urls and ASPNETCORE_URLS win; otherwise Hubs:Urls, otherwise https://localhost:8443.
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(options.Urls ?? HubsOptions.DefaultUrls);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate.Certificate);
        });
    }

    private static void ConfigureOrleans(WebApplicationBuilder builder, HubsOptions options, DataDirectory data)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: options.Orleans.SiloPort,
                gatewayPort: options.Orleans.GatewayPort,
                serviceId: "hubs",
                clusterId: "hubs");
            silo.AddHubsSqliteStorage(data.Path);
        });
    }

    private static void ConfigureHttp(IServiceCollection services)
    {
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // Status-code pages (unknown route, wrong method) get our stable types too.
            var details = context.ProblemDetails;
            details.Detail ??= details.Status switch
            {
                404 => $"There is nothing at {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}.",
                405 => $"{context.HttpContext.Request.Path} does not take {context.HttpContext.Request.Method}.",
                415 => "Send the body as JSON with Content-Type: application/json.",
                _ => details.Title,
            };
            if (details.Type is null || !details.Type.StartsWith(Problems.TypeBase, StringComparison.Ordinal))
            {
                details.Type = Problems.TypeBase + (details.Status switch
                {
                    404 => "not-found",
                    405 => "method-not-allowed",
                    415 => "unsupported-media-type",
                    >= 500 => "internal",
                    _ => "invalid",
                });
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(json => AddEnumConverter(json.SerializerOptions));
    }

    private static void AddEnumConverter(JsonSerializerOptions json) =>
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
}
