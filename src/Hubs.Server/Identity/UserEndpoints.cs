using System.Security.Claims;
using Hubs.Contracts.Errors;
using Hubs.Contracts.Identity;
using Hubs.Grains.Chat;
using Hubs.Storage.Identity;

namespace Hubs.Server.Identity;

/// <summary><c>/api/v1/users</c>: the organisation's accounts.</summary>
internal static class UserEndpoints
{
    public const int MaxDisplayNameLength = 100;

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").RequireAuthorization();
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync);
    }

    private static async Task<IResult> ListAsync(IAccountStore accounts, CancellationToken cancellationToken)
    {
        var all = await accounts.ListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(UserResponse.From).ToArray());
    }

    private static async Task<IResult> CreateAsync(
        CreateUserRequest request,
        ClaimsPrincipal caller,
        IAccountStore accounts,
        PasswordHasher hasher,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var admin = await accounts.FindAsync(caller.UserName(), cancellationToken);
        if (admin is not { IsAdmin: true })
        {
            throw new HubsException(HubsError.Forbidden, "Only administrators can create accounts.");
        }

        var user = request.User ?? string.Empty;
        if (!UserNames.IsValid(user))
        {
            throw new HubsException(
                HubsError.Invalid,
                "A user name is 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit.");
        }

        var password = request.Password ?? string.Empty;
        if (password.Length < PasswordHasher.MinimumLength || password.Length > PasswordHasher.MaximumLength)
        {
            throw new HubsException(
                HubsError.Invalid,
                $"A password has {PasswordHasher.MinimumLength} to {PasswordHasher.MaximumLength} characters.");
        }

        var displayName = string.IsNullOrWhiteSpace(request.DisplayName) ? user : request.DisplayName.Trim();
        if (displayName.Length > MaxDisplayNameLength)
        {
            throw new HubsException(
                HubsError.Invalid,
                $"A display name has at most {MaxDisplayNameLength} characters.");
        }

        if (MessageRules.HasHiddenCharacters(displayName))
        {
            throw new HubsException(
                HubsError.Invalid,
                "A display name holds no control characters or direction overrides.");
        }

        if (await accounts.FindAsync(user, cancellationToken) is not null)
        {
            throw new HubsException(HubsError.Conflict, $"The user '{user}' already exists.");
        }

        var hash = await hasher.HashAsync(password, cancellationToken);
        var account = new UserAccount(user, displayName, hash, IsAdmin: false, time.GetUtcNow());
        await accounts.CreateAsync(account, cancellationToken);
        return TypedResults.Created($"/api/v1/users/{user}", UserResponse.From(account));
    }
}
