using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The command line: --port N, --stdin-watch, --no-stdin-watch for the process, and every member of
    /// <see cref="ScopeSettings"/> and <see cref="FaultSettings"/> as --kebab-case of its JSON name (--count 250,
    /// --agent-count 12, --latency-ms 50, --fail-429 2 --retry-after 1). The names, types and help lines come from the
    /// records themselves, so a new fault is an option without a line here. "--name=value" works too; a boolean takes an
    /// optional true/false. The options become JSON and are read as the control API reads it: one set of rules.
    /// </summary>
    internal static class CommandLine
    {
        private const string FaultsMember = "faults";

        /// <summary>Reads a whole command line.</summary>
        /// <exception cref="FormatException">An unknown option or a bad value.</exception>
        public static (ProcessOptions Process, ScopeSettings Root) Parse(IReadOnlyList<string> args)
        {
            int port = 0;
            bool? watchStdin = null;
            var rest = new List<string>();
            for (int i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--port":
                        port = i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 65535
                            ? p
                            : throw new FormatException("--port needs a TCP port from 0 (any free one) to 65535.");
                        i++;
                        break;
                    case "--stdin-watch":
                        watchStdin = true;
                        break;
                    case "--no-stdin-watch":
                        watchStdin = false;
                        break;
                    default:
                        rest.Add(args[i]);
                        break;
                }
            }

            return (new ProcessOptions(port, watchStdin), ParseScope(rest, new ScopeSettings()));
        }

        /// <summary>Applies the scope's and the faults' options of <paramref name="args"/> over <paramref name="start"/>.</summary>
        /// <exception cref="FormatException">An unknown option or a bad value.</exception>
        public static ScopeSettings ParseScope(IReadOnlyList<string> args, ScopeSettings start)
        {
            JsonObject scope = JsonNode.Parse(FakeApiJson.Write(start))!.AsObject();
            JsonObject faults = scope[FaultsMember]!.AsObject();
            for (int i = 0; i < args.Count; i++)
            {
                string arg = args[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                {
                    throw new FormatException($"Unexpected argument '{arg}'. Options look like --count 250; see --help.");
                }

                int eq = arg.IndexOf('=', StringComparison.Ordinal);
                string option = eq < 0 ? arg : arg.Substring(0, eq);
                string? value = eq < 0 ? null : arg.Substring(eq + 1);
                string name = option.Substring(2).ToLowerInvariant().Replace('-', '_');
                (JsonObject target, JsonPropertyInfo property) = name != FaultsMember && Find(typeof(ScopeSettings), name) is { } own
                    ? (scope, own)
                    : Find(typeof(FaultSettings), name) is { } fault
                        ? (faults, fault)
                        : throw new FormatException($"Unknown option {option}. See --help.");
                if (property.PropertyType == typeof(bool))
                {
                    if (value is null && i + 1 < args.Count && ParseBool(args[i + 1]) is not null)
                    {
                        value = args[++i];
                    }

                    target[property.Name] = value is null || (ParseBool(value) ?? throw new FormatException($"{option} takes true or false, not '{value}'."));
                    continue;
                }

                value ??= i + 1 < args.Count ? args[++i] : throw new FormatException($"{option} needs a value.");
                target[property.Name] = property.PropertyType == typeof(int)
                    ? int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number) ? number : throw new FormatException($"{option} needs an integer, not '{value}'.")
                    : value;
            }

            return FakeApiJson.Read<ScopeSettings>(scope.ToJsonString());
        }

        /// <summary>The --help text: the process's options, then every option of the records with its description and default.</summary>
        public static string Usage()
        {
            var text = new StringBuilder()
                .AppendLine("Usage: dotnet Mindhunters.FakeApi.dll [options]")
                .AppendLine("Serves the Mindhunters API on 127.0.0.1 and prints 'FakeApi listening on http://127.0.0.1:{port}'.")
                .AppendLine("The options set the root scope; POST /_fake/scopes makes more (tests/Mindhunters.FakeApi/README.md).")
                .AppendLine("  --port N                  TCP port (default 0 = any free port)")
                .AppendLine("  --stdin-watch             exit when standard input ends (default: only when stdin is a pipe, Linux)")
                .AppendLine("  --no-stdin-watch          never watch standard input");
            AppendOptions(text, typeof(ScopeSettings), new ScopeSettings());
            text.AppendLine("Faults (all off by default; counted ones apply to the next N requests):");
            AppendOptions(text, typeof(FaultSettings), new FaultSettings());
            text.Append("Hostile modes, under any base URI + hostile/{mode}/: ").AppendJoin(", ", HostileResponses.Modes).AppendLine();
            return text.ToString();
        }

        private static void AppendOptions(StringBuilder text, Type type, object defaults)
        {
            foreach (JsonPropertyInfo property in FakeApiJson.TypeInfo(type).Properties.Where(p => p.Name != FaultsMember))
            {
                string kind = property.PropertyType == typeof(bool) ? string.Empty : property.PropertyType == typeof(int) ? " N" : " TEXT";
                string description = (property.AttributeProvider as MemberInfo)?.GetCustomAttribute<System.ComponentModel.DescriptionAttribute>()?.Description ?? string.Empty;
                object? value = property.Get?.Invoke(defaults);
                string shown = value is null or 0 or false ? string.Empty : $" (default {JsonSerializer.Serialize(value, FakeApiJson.Options)})";
                text.Append("  --").Append((property.Name.Replace('_', '-') + kind).PadRight(24)).Append(description).AppendLine(shown);
            }
        }

        private static JsonPropertyInfo? Find(Type type, string name) =>
            FakeApiJson.TypeInfo(type).Properties.FirstOrDefault(p => p.Name == name);

        private static bool? ParseBool(string text) => text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => null,
        };
    }
}
