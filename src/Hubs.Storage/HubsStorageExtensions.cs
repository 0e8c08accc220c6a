using Hubs.Storage.Chat;
using Hubs.Storage.Identity;
using Hubs.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;

namespace Hubs.Storage;

/// <summary>Registers the embedded SQLite storage of an instance.</summary>
public static class HubsStorageExtensions
{
    /// <summary>The grain storage name grains use (<c>[PersistentState("...", "Default")]</c>).</summary>
    public const string DefaultStorageName = "Default";

    /// <summary>
    /// Registers <see cref="SqliteDatabase"/> on <c>{dataDirectory}/hubs.db</c> and the domain stores
    /// (<see cref="IAccountStore"/>, <see cref="ISessionStore"/>, <see cref="IChatStore"/>) as singletons.
    /// Use this on a plain service collection (tools, tests); a silo calls
    /// <see cref="AddHubsSqliteStorage"/>, which includes it.
    /// </summary>
    public static IServiceCollection AddHubsSqliteStores(this IServiceCollection services, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.TryAddSingleton(_ => new SqliteDatabase(dataDirectory));
        services.TryAddSingleton<IAccountStore, SqliteAccountStore>();
        services.TryAddSingleton<ISessionStore, SqliteSessionStore>();
        services.TryAddSingleton<IChatStore, SqliteChatStore>();
        return services;
    }

    /// <summary>
    /// Registers the domain stores (see <see cref="AddHubsSqliteStores"/>) and
    /// <see cref="SqliteGrainStorage"/> as the "Default" grain storage, all on
    /// <c>{dataDirectory}/hubs.db</c>. When the silo is co-hosted, the stores resolve from the web
    /// host's services too.
    /// </summary>
    public static ISiloBuilder AddHubsSqliteStorage(this ISiloBuilder silo, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddHubsSqliteStores(dataDirectory);
        silo.Services.AddGrainStorage(
            DefaultStorageName,
            (services, name) => new SqliteGrainStorage(name, services.GetRequiredService<SqliteDatabase>()));
        return silo;
    }
}
