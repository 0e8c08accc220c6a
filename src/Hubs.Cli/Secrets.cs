using System.Security.Cryptography;

namespace Hubs.Cli;

/// <summary>Reads and makes passwords without echoing them or leaving them in shell history.</summary>
internal static class Secrets
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 20);

    public static string ReadFile(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"password file {file.FullName} does not exist");
        }

        var text = File.ReadAllText(file.FullName).TrimEnd('\r', '\n');
        return text.Length > 0 ? text : throw new CliException($"password file {file.FullName} is empty");
    }

    public static string ReadPassword(FileInfo? file)
    {
        if (file is not null)
        {
            return ReadFile(file);
        }

        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? throw new CliException("no password on standard input");
        }

        Console.Error.Write("Password: ");
        var chars = new List<char>();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(true))
        {
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return new string([.. chars]);
    }
}
