using System.CommandLine;
using Hubs.Cli;

var server = new Option<string>("--server")
{
    Description = "Base address of the Hubs instance",
    DefaultValueFactory = _ => "https://localhost:8443",
    Recursive = true,
};
var pin = new Option<string?>("--pin")
{
    Description = "SHA-256 fingerprint (hex) of the server certificate to trust, e.g. a self-signed one",
    Recursive = true,
};
var insecure = new Option<bool>("--insecure")
{
    Description = "Accept any server certificate (testing only)",
    Recursive = true,
};
var adminUser = new Option<string>("--user")
{
    Description = "Account to act as",
    DefaultValueFactory = _ => "admin",
    Recursive = true,
};
var passwordFile = new Option<FileInfo?>("--password-file")
{
    Description = "File holding the acting account's password (default: ask on the terminal)",
    Recursive = true,
};

var root = new RootCommand("hubs: command-line client for a Hubs instance");
root.Options.Add(server);
root.Options.Add(pin);
root.Options.Add(insecure);
root.Options.Add(adminUser);
root.Options.Add(passwordFile);

HubsApiClient Connect(ParseResult r)
{
    var address = r.GetValue(server)!;
    if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
    {
        throw new CliException($"--server must be an absolute https:// address, not '{address}'");
    }

    return new HubsApiClient(uri, r.GetValue(pin), r.GetValue(insecure));
}

var health = new Command("health", "Checks that the instance answers and serves");
health.SetAction(async (r, ct) =>
{
    using var client = Connect(r);
    Console.WriteLine(await client.GetHealthAsync(ct));
    return 0;
});
root.Subcommands.Add(health);

var users = new Command("users", "Manages user accounts (admin)");
var list = new Command("list", "Lists the accounts");
list.SetAction(async (r, ct) =>
{
    using var client = Connect(r);
    await client.LoginAsync(r.GetValue(adminUser)!, Secrets.ReadPassword(r.GetValue(passwordFile)), ct);
    foreach (var account in await client.ListUsersAsync(ct))
    {
        Console.WriteLine($"{account.User,-24} {account.DisplayName}{(account.IsAdmin ? "  (admin)" : "")}");
    }

    return 0;
});
users.Subcommands.Add(list);

var name = new Argument<string>("name") { Description = "User name: lower-case a-z, 0-9, '.', '_', '-'" };
var displayName = new Option<string?>("--display-name") { Description = "Name shown to others" };
var newPasswordFile = new Option<FileInfo?>("--new-password-file")
{
    Description = "File holding the new account's password (default: generate one and print it once)",
};
var add = new Command("add", "Creates an account");
add.Arguments.Add(name);
add.Options.Add(displayName);
add.Options.Add(newPasswordFile);
add.SetAction(async (r, ct) =>
{
    using var client = Connect(r);
    await client.LoginAsync(r.GetValue(adminUser)!, Secrets.ReadPassword(r.GetValue(passwordFile)), ct);
    var file = r.GetValue(newPasswordFile);
    var password = file is null ? Secrets.Generate() : Secrets.ReadFile(file);
    var user = r.GetValue(name)!;
    await client.CreateUserAsync(user, password, r.GetValue(displayName) ?? user, ct);
    Console.WriteLine($"Created {user}.");
    if (file is null)
    {
        Console.WriteLine($"Password (shown once): {password}");
    }

    return 0;
});
users.Subcommands.Add(add);
root.Subcommands.Add(users);

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliException e)
{
    Console.Error.WriteLine($"hubs: {e.Message}");
    return 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"hubs: cannot reach the server: {e.Message}");
    return 1;
}
