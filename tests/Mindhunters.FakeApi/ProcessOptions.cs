namespace Mindhunters.FakeApi
{
    /// <summary>What the command line says about the process itself, besides the root scope's settings.</summary>
    /// <param name="Port">The TCP port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="WatchStdin">
    /// Whether the process exits when its standard input ends: null = only when standard input is a pipe (Linux), so a
    /// parent that dies takes the fake with it while a process started with stdin on /dev/null keeps running.
    /// </param>
    internal sealed record ProcessOptions(int Port, bool? WatchStdin);
}
