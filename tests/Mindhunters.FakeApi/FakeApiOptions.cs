using System;
using System.Globalization;

namespace Mindhunters.FakeApi;

/// <summary>How to start a <see cref="FakeApiServer"/>; <see cref="Parse"/> reads them from a command line.</summary>
public sealed class FakeApiOptions
{
    private FaultOptions _faults = new();

    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>How many phone numbers the data set has (items 1..Count); default 250.</summary>
    public int Count { get; set; } = 250;

    /// <summary>How many agents GET /api/v1/agents lists; default <see cref="FakeAgents.DefaultCount"/> (12).</summary>
    public int AgentCount { get; set; } = FakeAgents.DefaultCount;

    /// <summary>The bearer token the endpoint accepts; default "test-token".</summary>
    public string Token { get; set; } = "test-token";

    /// <summary>
    /// The faults the server starts with. The server takes a copy at start; change the live settings through
    /// <see cref="FakeApiServer.Faults"/> (or POST /_fake/faults).
    /// </summary>
    public FaultOptions Faults
    {
        get => _faults;
        set => _faults = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Only for the program: whether it exits when its standard input reaches end of file. null (the default) =
    /// only when standard input is a pipe (Linux), so that a parent that dies takes the fake with it while a
    /// process started with stdin on /dev/null keeps running. --stdin-watch / --no-stdin-watch force it.
    /// </summary>
    public bool? WatchStdin { get; set; }

    /// <summary>
    /// Reads --port N, --count N, --token T, --stdin-watch, --no-stdin-watch and every fault as --kebab-case
    /// (--latency-ms 50, --fail-429 2 --retry-after 1, --has-more-forever ...). "--name=value" works too; the
    /// flags --has-more-forever, --repeat-page and --stuck-page take an optional true/false.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static FakeApiOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FakeApiOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new ArgumentException($"Unexpected argument '{arg}'. Options look like --count 250; see --help.");
            }

            string name = arg.Substring(2);
            string? inlineValue = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inlineValue = name.Substring(eq + 1);
                name = name.Substring(0, eq);
            }

            name = name.ToLowerInvariant();
            string key = name.Replace('-', '_');

            if (name is "stdin-watch" or "no-stdin-watch")
            {
                if (inlineValue is not null)
                {
                    throw new ArgumentException($"--{name} takes no value.");
                }

                options.WatchStdin = name == "stdin-watch";
                continue;
            }

            if (FaultOptions.IsFlag(key))
            {
                string? flagValue = inlineValue;
                if (flagValue is null && i + 1 < args.Length && IsBoolToken(args[i + 1]))
                {
                    flagValue = args[++i];
                }

                SetFault(options, name, flagValue);
                continue;
            }

            if (name is not ("port" or "count" or "agent-count" or "token") && !FaultOptions.IsKnown(key))
            {
                throw new ArgumentException($"Unknown option --{name}. See --help.");
            }

            string value = inlineValue ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value."));
            switch (name)
            {
                case "port":
                    options.Port = ParseInt(name, value, 0, 65535);
                    break;
                case "count":
                    options.Count = ParseInt(name, value, 0, 9_999_999);
                    break;
                case "agent-count":
                    options.AgentCount = ParseInt(name, value, 0, 9_999_999);
                    break;
                case "token":
                    options.Token = value.Length > 0 ? value : throw new ArgumentException("--token needs a non-empty value.");
                    break;
                default:
                    SetFault(options, name, value);
                    break;
            }
        }

        return options;
    }

    /// <summary>The command-line help.</summary>
    public static string Usage { get; } = string.Join(
        Environment.NewLine,
        "Usage: dotnet Mindhunters.FakeApi.dll [options]",
        "Serves GET /api/v1/phone-numbers, GET /api/v1/agents, GET /api/v1/phone-numbers/rates and",
        "PATCH /api/v1/phone-numbers/{uuid} on 127.0.0.1 and prints 'FakeApi listening on http://127.0.0.1:{port}'.",
        "  --port N                  TCP port (default 0 = any free port)",
        "  --count N                 size of the data set (default 250)",
        "  --agent-count N           how many agents GET /api/v1/agents lists (default 12)",
        "  --token T                 accepted bearer token (default test-token)",
        "  --stdin-watch             exit when standard input ends (default: only when stdin is a pipe, Linux)",
        "  --no-stdin-watch          never watch standard input",
        "Faults (all off by default; counted ones apply to the next N requests):",
        "  --latency-ms N            delay every response",
        "  --fail-429 N              429 Too Many Attempts; --retry-after S|HTTP-date adds Retry-After",
        "  --fail-5xx N              --fail-status (default 503) with a maintenance envelope",
        "  --html-error N            502 with an nginx text/html page",
        "  --truncate-json N         200 with half the JSON body",
        "  --reset-mid-body N        200, half the body, then the connection is reset",
        "  --stall-body N            200, half the body, then a wait of --stall-ms (default 60000)",
        "  --has-more-forever        every page says has_more true, last_page = current_page + 1",
        "  --repeat-page             every page carries the items of page 1",
        "  --stuck-page              pagination.current_page is always 1",
        "  --redirect-to-port P      302 to http://127.0.0.1:P with the same path and query",
        "  --status-override N       --override-status CODE (default 500) with --override-body JSON",
        "Control endpoints (no auth): GET|DELETE /_fake/requests, GET|POST|DELETE /_fake/faults,",
        "  DELETE /_fake/channel-settings,",
        "  GET /_fake/count, PUT /_fake/count?value=N, GET /_fake/agent-count, PUT /_fake/agent-count?value=N.");

    private static void SetFault(FakeApiOptions options, string name, string? value)
    {
        bool known;
        try
        {
            known = options.Faults.TrySet(name, value);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"--{name}: {ex.Message}", ex);
        }

        if (!known)
        {
            throw new ArgumentException($"Unknown option --{name}.");
        }
    }

    private static bool IsBoolToken(string text) =>
        text.ToLowerInvariant() is "true" or "false" or "1" or "0" or "yes" or "no" or "on" or "off";

    private static int ParseInt(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new ArgumentException($"--{name} must be an integer from {min} to {max}, not '{text}'.");
        }

        return value;
    }
}
