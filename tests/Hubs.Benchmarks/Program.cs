using System.Globalization;
using Hubs.Benchmarks.Bare;
using Hubs.Benchmarks.Chat;
using Hubs.Benchmarks.Cli;

switch (args.FirstOrDefault())
{
    case "chat":
        ChatOptions options;
        try
        {
            options = ChatOptions.Parse(args[1..]);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(ChatOptions.Usage);
            return 2;
        }

        if (!options.NoPin && !CpuPinning.IsPinned)
        {
            if (CpuPinning.CanPin)
            {
                return await CpuPinning.RerunPinnedAsync(args);
            }

            Console.Error.WriteLine("warning: cannot pin (needs taskset and 2 CPUs); running unpinned");
            options = options with { NoPin = true };
        }

        return await ChatBenchmark.RunAsync(options);

    case "bare-server" when args.Length == 3 && args[1] == "--port":
        return await BareServer.RunAsync(int.Parse(args[2], CultureInfo.InvariantCulture));

    default:
        Console.Error.WriteLine("usage:");
        Console.Error.WriteLine(ChatOptions.Usage);
        Console.Error.WriteLine("  bare-server --port <n>   (started by chat; the bare SignalR broadcast server)");
        return 2;
}
