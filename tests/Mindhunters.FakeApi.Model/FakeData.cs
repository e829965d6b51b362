using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The deterministic data set: item i (1..Count) is a pure function of i, no randomness, nothing stored.
    /// Public so that tests can compute what a listing must return.
    /// </summary>
    /// <remarks>
    /// Periods (all coprime enough that every filter gives a varied, non-empty subset):
    /// country cycles over 11 slots (US, GB, DE, US, FR, NL, CA, US, AU, ES, US: 8 codes, US weighted);
    /// type over 6 (local, mobile, local, toll_free, local, national); status over 7 (active x5, pending, inactive);
    /// compliance requirement_pending when i % 5 == 3; is_external when i % 10 == 4;
    /// currency USD for US, CA and AU, EUR otherwise; bindings follow i % 8 (none, call, sms, whatsapp, call+sms,
    /// all three, none, call+whatsapp) with the agent changing every 8 numbers; purchased_at = 2022-01-01Z + i * 1009 s.
    /// </remarks>
    public static class FakeData
    {
        /// <summary>sort=created_at (the default).</summary>
        public const string SortCreatedAt = "created_at";

        /// <summary>sort=monthly_fee.</summary>
        public const string SortMonthlyFee = "monthly_fee";

        /// <summary>sort=number.</summary>
        public const string SortNumber = "number";

        /// <summary>The accepted values of status.</summary>
        public static IReadOnlyList<string> Statuses { get; } = new[] { "active", "pending", "inactive" };

        /// <summary>The accepted values of type.</summary>
        public static IReadOnlyList<string> Types { get; } = new[] { "local", "toll_free", "mobile", "national" };

        /// <summary>The accepted values of compliance.</summary>
        public static IReadOnlyList<string> ComplianceStatuses { get; } = new[] { "completed", "requirement_pending" };

        /// <summary>The accepted values of sort.</summary>
        public static IReadOnlyList<string> Sorts { get; } = new[] { SortCreatedAt, SortMonthlyFee, SortNumber };

        /// <summary>
        /// The five agents numbers are bound to (fixed uuids): "Agent 1", "Support Desk", "Agent 3", "Support Night",
        /// "Agent 5". They are also the first five items of GET /api/v1/agents (<see cref="FakeAgents"/>), so that
        /// `Get-MhAgent -Name 'Support*' | Get-MhPhoneNumber` finds the numbers of the two support agents.
        /// </summary>
        public static IReadOnlyList<FakeAgent> Agents { get; } = new[]
        {
            new FakeAgent(new Guid("7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e51"), "Agent 1"),
            new FakeAgent(new Guid("7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e52"), "Support Desk"),
            new FakeAgent(new Guid("7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e53"), "Agent 3"),
            new FakeAgent(new Guid("7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e54"), "Support Night"),
            new FakeAgent(new Guid("7d6c1f0a-2b3e-4c5d-8e9f-0a1b2c3d4e55"), "Agent 5"),
        };

        /// <summary>purchased_at of index 0; item i was purchased <see cref="PurchaseStepSeconds"/> * i seconds later.</summary>
        public static DateTimeOffset Epoch { get; } = new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>Seconds between the purchases of two consecutive items.</summary>
        public const int PurchaseStepSeconds = 1009;

        private sealed record Country(string Code, string Name, string Currency);

        private static readonly Country Us = new("US", "United States", "USD");
        private static readonly Country Gb = new("GB", "United Kingdom", "EUR");
        private static readonly Country De = new("DE", "Germany", "EUR");
        private static readonly Country Fr = new("FR", "France", "EUR");
        private static readonly Country Nl = new("NL", "Netherlands", "EUR");
        private static readonly Country Ca = new("CA", "Canada", "USD");
        private static readonly Country Au = new("AU", "Australia", "USD");
        private static readonly Country Es = new("ES", "Spain", "EUR");

        private static readonly Country[] CountryCycle = { Us, Gb, De, Us, Fr, Nl, Ca, Us, Au, Es, Us };
        private static readonly string[] TypeCycle = { "local", "mobile", "local", "toll_free", "local", "national" };
        private static readonly string[] StatusCycle = { "active", "active", "pending", "active", "active", "inactive", "active" };
        private static readonly string[] UsAreaCodes = { "208", "212", "415", "512", "617" };
        private static readonly string[] CaAreaCodes = { "416", "604", "514" };

        private static readonly FakeRequirement[] OneRequirement =
        {
            new("address", "Proof of address"),
        };

        private static readonly FakeRequirement[] TwoRequirements =
        {
            new("address", "Proof of address"),
            new("identity", "Government-issued ID"),
        };

        /// <summary>The English name of one of the data set's country codes (null when unknown).</summary>
        public static string? CountryNameOf(string countryCode)
        {
            foreach (Country c in CountryCycle)
            {
                if (string.Equals(c.Code, countryCode, StringComparison.Ordinal))
                {
                    return c.Name;
                }
            }

            return null;
        }

        /// <summary>Item <paramref name="index"/> (1-based) of the data set.</summary>
        public static FakePhoneNumber Item(int index)
        {
            if (index < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "The index is 1-based.");
            }

            Country country = CountryOf(index);
            string type = TypeOf(index);
            string status = StatusOf(index);
            string compliance = ComplianceOf(index);
            bool sms = type is "local" or "mobile" || (type == "toll_free" && (country == Us || country == Ca));
            var capabilities = new FakeCapabilities(
                Voice: true,
                Sms: sms,
                Mms: sms && (country == Us || country == Ca),
                Fax: index % 9 == 0 && type != "mobile",
                Emergency: type is "local" or "mobile",
                LocalCalling: type == "local");
            string[] whitelist = index % 4 == 0 ? new[] { country.Code } : Array.Empty<string>();
            string[] smsWhitelist = index % 8 == 0 ? new[] { country.Code, "US" } : Array.Empty<string>();
            DateTimeOffset purchased = PurchasedAtOf(index);

            return new FakePhoneNumber(
                index,
                UuidOf(index),
                NumberOf(index),
                country.Code,
                country.Name,
                type,
                IsExternalOf(index),
                status,
                compliance,
                compliance == "requirement_pending" ? (index % 2 == 0 ? OneRequirement : TwoRequirements) : Array.Empty<FakeRequirement>(),
                capabilities,
                new FakeChannel(status == "active", 1 + (index % 10), whitelist),
                new FakeChannel(sms && status == "active", 1 + (index % 5), smsWhitelist),
                new FakeInbound(status != "inactive", 2 + (index % 4)),
                MonthlyFeeOf(index),
                country.Currency,
                BindingOf(index, Channel.Call),
                BindingOf(index, Channel.Sms),
                BindingOf(index, Channel.Whatsapp),
                purchased,
                purchased.AddSeconds((index % 97) * 3607L + 61),
                "Line " + index.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// The 1-based indices of the items 1..<paramref name="count"/> that match <paramref name="query"/>, in the
        /// query's sort order: exactly what the server pages through.
        /// </summary>
        public static IReadOnlyList<int> Select(FakeQuery query, int count) => ComputeIndices(query, count);

        /// <summary>True when item <paramref name="index"/> matches the filters of <paramref name="query"/> (sort is ignored).</summary>
        public static bool Matches(int index, FakeQuery query)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            if (!query.IncludeExternal && IsExternalOf(index))
            {
                return false;
            }

            if (query.Status is not null && !string.Equals(query.Status, StatusOf(index), StringComparison.Ordinal))
            {
                return false;
            }

            if (query.Type is not null && !string.Equals(query.Type, TypeOf(index), StringComparison.Ordinal))
            {
                return false;
            }

            if (query.Compliance is not null && !string.Equals(query.Compliance, ComplianceOf(index), StringComparison.Ordinal))
            {
                return false;
            }

            Country country = CountryOf(index);
            if (query.CountryCode is not null && !string.Equals(query.CountryCode, country.Code, StringComparison.Ordinal))
            {
                return false;
            }

            if (query.BoundToAgentUuid is Guid agent && !IsBoundTo(index, agent))
            {
                return false;
            }

            if (query.Search is { Length: > 0 } search
                && country.Code.IndexOf(search, StringComparison.OrdinalIgnoreCase) < 0
                && country.Name.IndexOf(search, StringComparison.OrdinalIgnoreCase) < 0
                && NumberOf(index).IndexOf(search, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            return true;
        }

        internal static int[] ComputeIndices(FakeQuery query, int count)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            if (count <= 0)
            {
                return Array.Empty<int>();
            }

            var matched = new List<int>(count);
            for (int i = 1; i <= count; i++)
            {
                if (Matches(i, query))
                {
                    matched.Add(i);
                }
            }

            int[] result = matched.ToArray();
            switch (query.Sort)
            {
                case SortMonthlyFee:
                {
                    // Fee ascending, then index: compose one sortable long key per item.
                    var keys = new long[result.Length];
                    for (int k = 0; k < result.Length; k++)
                    {
                        keys[k] = ((long)MonthlyFeeCentsOf(result[k]) << 32) | (uint)result[k];
                    }

                    Array.Sort(keys, result);
                    break;
                }

                case SortNumber:
                {
                    var keys = new string[result.Length];
                    for (int k = 0; k < result.Length; k++)
                    {
                        keys[k] = NumberOf(result[k]);
                    }

                    Array.Sort(keys, result, StringComparer.Ordinal);
                    break;
                }

                default:
                    // created_at: purchased_at is strictly increasing with the index, so index order it is.
                    break;
            }

            return result;
        }

        internal static Guid UuidOf(int index) =>
            new Guid(FormattableString.Invariant($"{index:x8}-0000-4000-8000-{index:x12}"));

        /// <summary>The index whose phone_number_uuid is <paramref name="uuid"/> (false for any other uuid).</summary>
        public static bool TryIndexOf(Guid uuid, out int index)
        {
            index = 0;
            string text = uuid.ToString("D");
            if (!int.TryParse(text.Substring(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int candidate)
                || candidate < 1 || UuidOf(candidate) != uuid)
            {
                return false;
            }

            index = candidate;
            return true;
        }

        private static Country CountryOf(int index) => CountryCycle[(index - 1) % CountryCycle.Length];

        internal static string TypeOf(int index) => TypeCycle[(index - 1) % TypeCycle.Length];

        internal static string StatusOf(int index) => StatusCycle[(index - 1) % StatusCycle.Length];

        internal static string ComplianceOf(int index) => index % 5 == 3 ? "requirement_pending" : "completed";

        internal static bool IsExternalOf(int index) => index % 10 == 4;

        internal static DateTimeOffset PurchasedAtOf(int index) => Epoch.AddSeconds((long)index * PurchaseStepSeconds);

        internal static int MonthlyFeeCentsOf(int index)
        {
            int basis = TypeOf(index) switch
            {
                "toll_free" => 200,
                "mobile" => 300,
                "national" => 150,
                _ => 100,
            };
            return basis + (int)(((long)index * 37) % 500);
        }

        internal static decimal MonthlyFeeOf(int index) => new decimal(MonthlyFeeCentsOf(index), 0, 0, false, 2);

        /// <summary>E.164; the last seven digits are the index, so numbers are unique for indices below 10,000,000.</summary>
        internal static string NumberOf(int index)
        {
            string prefix = PrefixOf(CountryOf(index), TypeOf(index), index);
            return FormattableString.Invariant($"{prefix}{index % 10_000_000:D7}");
        }

        private static string PrefixOf(Country country, string type, int index)
        {
            switch (country.Code)
            {
                case "US":
                    return type == "toll_free" ? "+1800" : "+1" + UsAreaCodes[index % UsAreaCodes.Length];
                case "CA":
                    return type == "toll_free" ? "+1888" : "+1" + CaAreaCodes[index % CaAreaCodes.Length];
                case "GB":
                    return type switch { "mobile" => "+44770", "toll_free" => "+44800", "national" => "+44330", _ => "+44201" };
                case "DE":
                    return type switch { "mobile" => "+491512", "toll_free" => "+49800", "national" => "+49180", _ => "+49305" };
                case "FR":
                    return type switch { "mobile" => "+3361", "toll_free" => "+3380", "national" => "+3397", _ => "+3314" };
                case "NL":
                    return type switch { "mobile" => "+3161", "toll_free" => "+31800", "national" => "+3185", _ => "+3120" };
                case "AU":
                    return type switch { "mobile" => "+6141", "toll_free" => "+61180", "national" => "+61130", _ => "+6129" };
                default: // ES
                    return type switch { "mobile" => "+3460", "toll_free" => "+3490", "national" => "+3451", _ => "+3491" };
            }
        }

        private enum Channel
        {
            Call,
            Sms,
            Whatsapp,
        }

        private static readonly Channel[] AllChannels = { Channel.Call, Channel.Sms, Channel.Whatsapp };

        // i % 8: 0 none, 1 call, 2 sms, 3 whatsapp, 4 call+sms, 5 call+sms+whatsapp, 6 none, 7 call+whatsapp.
        // Agent a = (i / 8) % 5 changes every 8 numbers; sms-only and the whatsapp of 5 and 7 use agent b = (a + 2) % 5,
        // so an agent is found on a channel other than call for some numbers.
        private static int AgentSlotOf(int index, Channel channel)
        {
            int a = (index / 8) % Agents.Count;
            int b = (a + 2) % Agents.Count;
            return (index % 8, channel) switch
            {
                (1, Channel.Call) => a,
                (2, Channel.Sms) => b,
                (3, Channel.Whatsapp) => a,
                (4, Channel.Call) => a,
                (4, Channel.Sms) => a,
                (5, Channel.Call) => a,
                (5, Channel.Sms) => a,
                (5, Channel.Whatsapp) => b,
                (7, Channel.Call) => a,
                (7, Channel.Whatsapp) => b,
                _ => -1,
            };
        }

        private static FakeBinding BindingOf(int index, Channel channel)
        {
            int slot = AgentSlotOf(index, channel);
            if (slot < 0)
            {
                return FakeBinding.None;
            }

            FakeAgent agent = Agents[slot];
            return new FakeBinding(true, agent.Uuid, agent.Name);
        }

        private static bool IsBoundTo(int index, Guid agentUuid)
        {
            foreach (Channel channel in AllChannels)
            {
                int slot = AgentSlotOf(index, channel);
                if (slot >= 0 && Agents[slot].Uuid == agentUuid)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
