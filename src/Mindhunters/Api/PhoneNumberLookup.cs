using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mindhunters.Model;

namespace Mindhunters.Api
{
    /// <summary>
    /// Finds phone numbers by their number: the list's search filter with the number's digits, external numbers
    /// included, every page it matches, and an exact match of the digits on the client, because the search also matches
    /// part of a number (and country names). The API documents no lookup by number; this is the one way the list offers.
    /// </summary>
    internal static class PhoneNumberLookup
    {
        /// <summary>search=digits and include_external=true: "exactly the numbers given" includes numbers brought in on a trunk.</summary>
        public static PhoneNumberQuery QueryFor(string number) => new PhoneNumberQuery { Search = E164.Digits(number), IncludeExternal = true };

        /// <summary>True for a listed number with exactly the digits of <paramref name="number"/>.</summary>
        public static Func<PhoneNumber, bool> Matches(string number)
        {
            string digits = E164.Digits(number);
            return listed => listed.Number is string text && E164.Digits(text) == digits;
        }

        /// <summary>Every listed number that is <paramref name="number"/> (one, normally; none when it does not exist).</summary>
        /// <param name="number">As the user wrote it, after <see cref="E164.Problem"/> found nothing wrong with it.</param>
        /// <param name="perPage">-PerPage, or null for the largest page.</param>
        public static async Task<List<PhoneNumber>> FindAsync(MhApiClient client, MhConnection connection, string number, int? perPage,
            IListingLog log, CancellationToken cancellationToken)
        {
            ListEndpoint<PhoneNumber> endpoint = Endpoints.PhoneNumbers;
            PhoneNumberQuery query = QueryFor(number);
            PagePlan plan = PagePlan.ForClientFilter(perPage, 0, ulong.MaxValue, false, endpoint.MaxPerPage);
            var found = new List<PhoneNumber>();
            var budget = new ListingBudget();
            using var lister = new Lister<PhoneNumber>(endpoint, plan,
                (page, size, onThrottled, token) => client.GetPageAsync(connection, endpoint, query, page, size, log, onThrottled, token, budget),
                1, log, cancellationToken, Matches(number));
            while (await lister.NextAsync().ConfigureAwait(false) is PageBatch<PhoneNumber> batch) found.AddRange(batch.Items);
            return found;
        }

        /// <summary>The error for a number that the workspace does not have: ObjectNotFound, naming it.</summary>
        public static MhApiException NotFound(string number, string workspace) => new MhApiException(MhErrorKind.NotFound,
            $"No phone number {number} exists in the workspace '{workspace}'.",
            "Check the number: it is matched on all its digits, country code first (+49 30 …, not 030 …). Get-MhPhoneNumber -Search <part of it> lists the numbers that contain some digits.");
    }
}
