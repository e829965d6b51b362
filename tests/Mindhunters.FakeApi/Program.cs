using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// dotnet Mindhunters.FakeApi.dll [--port N] [--count N] [--token T] [--fault-name value ...] (see CommandLine)
    /// Prints exactly one line, "FakeApi listening on http://127.0.0.1:{port}", then serves until Ctrl+C, SIGTERM,
    /// or (when standard input is a pipe) end of standard input.
    /// </summary>
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 1 && args[0] is "--help" or "-h" or "-?" or "/?")
            {
                Console.Out.Write(CommandLine.Usage());
                return 0;
            }

            ProcessOptions options;
            ScopeSettings root;
            try
            {
                (options, root) = CommandLine.Parse(args);
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync("FakeApi: " + ex.Message).ConfigureAwait(false);
                return 2;
            }

            FakeApiHost server;
            try
            {
                server = await FakeApiHost.StartAsync(options, root).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync("FakeApi: cannot listen: " + ex.Message).ConfigureAwait(false);
                return 1;
            }

            await using (server.ConfigureAwait(false))
            {
                var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Console.CancelKeyPress += (_, e) =>
                {
                    e.Cancel = true;
                    stop.TrySetResult();
                };
                using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                {
                    context.Cancel = true;
                    stop.TrySetResult();
                });

                if (options.WatchStdin ?? StdinIsPipe())
                {
                    var reader = new Thread(() =>
                    {
                        try
                        {
                            using Stream stdin = Console.OpenStandardInput();
                            var buffer = new byte[256];
                            while (stdin.Read(buffer, 0, buffer.Length) > 0)
                            {
                            }
                        }
                        catch (IOException)
                        {
                        }

                        stop.TrySetResult();
                    })
                    {
                        IsBackground = true,
                        Name = "FakeApi stdin watch",
                    };
                    reader.Start();
                }

                Console.Out.WriteLine("FakeApi listening on " + server.BaseUri.GetLeftPart(UriPartial.Authority));
                Console.Out.Flush();

                using CancellationTokenRegistration hostStopping = server.Stopping.Register(() => stop.TrySetResult());
                await stop.Task.ConfigureAwait(false);
            }

            return 0;
        }

        /// <summary>True when standard input is a pipe (Linux only): a parent that holds the other end and dies closes it.</summary>
        private static bool StdinIsPipe()
        {
            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            try
            {
                string? target = new FileInfo("/proc/self/fd/0").LinkTarget;
                return target is not null && target.StartsWith("pipe:", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
