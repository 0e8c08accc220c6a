using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hubs.Server.Hosting;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace Hubs.Server.Identity;

/// <summary>
/// Argon2id password hashes as PHC strings (<c>$argon2id$v=19$m=65536,t=3,p=1$salt$hash</c>).
/// Each hash holds tens of MiB, so a semaphore bounds how many run at once.
/// </summary>
public sealed class PasswordHasher : IDisposable
{
    public const int MinimumLength = 8;

    /// <summary>Longer passwords are refused rather than hashed, so nobody can make us hash megabytes.</summary>
    public const int MaximumLength = 1_024;

    private const int SaltLength = 16;
    private const int HashLength = 32;
    private const int MaxMemoryKiB = 1_048_576;
    private const int MaxIterations = 64;

    private readonly PasswordOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly Lazy<Task<string>> _dummyHash;

    public PasswordHasher(IOptions<HubsOptions> options)
    {
        _options = options.Value.Passwords;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentHashes));

        // Unknown users are verified against this, so they cost as much as a wrong password.
        _dummyHash = new Lazy<Task<string>>(
            () => HashAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));
    }

    public async Task<string> HashAsync(string password, CancellationToken cancellationToken = default)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var memory = Math.Clamp(_options.MemoryKiB, 8, MaxMemoryKiB);
        var iterations = Math.Clamp(_options.Iterations, 1, MaxIterations);
        var hash = await ComputeAsync(password, salt, memory, iterations, 1, HashLength, cancellationToken);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={memory},t={iterations},p=1${Encode(salt)}${Encode(hash)}");
    }

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="phc"/>; with no stored hash (unknown
    /// user) it checks a dummy hash and returns false, taking as long as a real check.
    /// </summary>
    public async Task<bool> VerifyAsync(string password, string? phc, CancellationToken cancellationToken = default)
    {
        if (phc is null || !TryParse(phc, out var parsed))
        {
            var dummy = await _dummyHash.Value;
            TryParse(dummy, out var dummyParsed);
            await ComputeAsync(
                password,
                dummyParsed.Salt,
                dummyParsed.MemoryKiB,
                dummyParsed.Iterations,
                dummyParsed.Parallelism,
                dummyParsed.Hash.Length,
                cancellationToken);
            return false;
        }

        var actual = await ComputeAsync(
            password,
            parsed.Salt,
            parsed.MemoryKiB,
            parsed.Iterations,
            parsed.Parallelism,
            parsed.Hash.Length,
            cancellationToken);
        return CryptographicOperations.FixedTimeEquals(actual, parsed.Hash);
    }

    public void Dispose() => _slots.Dispose();

    private async Task<byte[]> ComputeAsync(
        string password,
        byte[] salt,
        int memoryKiB,
        int iterations,
        int parallelism,
        int length,
        CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(
                () =>
                {
                    var parameters = new Argon2Parameters.Builder(Argon2Parameters.Argon2id)
                        .WithVersion(Argon2Parameters.Version13)
                        .WithMemoryAsKB(memoryKiB)
                        .WithIterations(iterations)
                        .WithParallelism(parallelism)
                        .WithSalt(salt)
                        .Build();
                    var generator = new Argon2BytesGenerator();
                    generator.Init(parameters);
                    var output = new byte[length];
                    var secret = Encoding.UTF8.GetBytes(password);
                    try
                    {
                        generator.GenerateBytes(secret, output);
                    }
                    finally
                    {
                        CryptographicOperations.ZeroMemory(secret);
                    }

                    return output;
                },
                cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static bool TryParse(string phc, out ParsedHash parsed)
    {
        parsed = default;
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        int memory = 0, iterations = 0, parallelism = 0;
        foreach (var pair in parts[3].Split(','))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p": parallelism = value; break;
                default: return false;
            }
        }

        if (memory is < 8 or > MaxMemoryKiB || iterations is < 1 or > MaxIterations || parallelism is < 1 or > 16)
        {
            return false;
        }

        if (!TryDecode(parts[4], out var salt) || !TryDecode(parts[5], out var hash) || hash.Length < 16)
        {
            return false;
        }

        parsed = new ParsedHash(memory, iterations, parallelism, salt, hash);
        return true;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    private readonly record struct ParsedHash(int MemoryKiB, int Iterations, int Parallelism, byte[] Salt, byte[] Hash);
}
