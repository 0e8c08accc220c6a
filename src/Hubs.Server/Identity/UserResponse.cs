using Hubs.Storage.Identity;

namespace Hubs.Server.Identity;

public sealed record UserResponse(string User, string DisplayName, bool IsAdmin)
{
    public static UserResponse From(UserAccount account) => new(account.User, account.DisplayName, account.IsAdmin);
}
