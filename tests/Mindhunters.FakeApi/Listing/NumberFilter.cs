using System;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The filters of GET /api/v1/phone-numbers for a number as it is now (an added one, or one whose bindings a channel
    /// assignment changed), where <see cref="FakeData.Matches"/> knows only the computed numbers by their index.
    /// </summary>
    internal static class NumberFilter
    {
        public static bool Matches(FakePhoneNumber p, FakeQuery q) =>
            (q.IncludeExternal || !p.IsExternal)
            && (q.Status is null || q.Status == p.Status)
            && (q.Type is null || q.Type == p.Type)
            && (q.Compliance is null || q.Compliance == p.ComplianceStatus)
            && (q.CountryCode is null || q.CountryCode == p.CountryCode)
            && (q.BoundToAgentUuid is not Guid agent || p.IsBoundTo(agent))
            && (q.Search is not { Length: > 0 } search
                || p.Number.IndexOf(search, StringComparison.OrdinalIgnoreCase) >= 0
                || p.CountryCode.IndexOf(search, StringComparison.OrdinalIgnoreCase) >= 0
                || p.CountryName.IndexOf(search, StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
