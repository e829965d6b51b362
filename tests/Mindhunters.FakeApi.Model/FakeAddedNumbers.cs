using System;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The numbers a scope adds to the computed data set (<see cref="FakeData"/>): bought ones and those brought in on
    /// trunks. They are not functions of an index: the scope keeps them.
    /// </summary>
    public static class FakeAddedNumbers
    {
        /// <summary>
        /// A number a scope added to the data set: bought (POST /api/v1/phone-numbers) or brought in on a trunk
        /// (<paramref name="isExternal"/>). <paramref name="index"/> is negative, so that it is told apart from the
        /// computed items; capabilities and channel settings follow the type as they do for those.
        /// </summary>
        public static FakePhoneNumber Number(int index, Guid uuid, string number, string countryCode, string type, decimal monthlyFee, bool isExternal, DateTimeOffset purchasedAt)
        {
            bool us = countryCode is "US" or "CA";
            bool sms = type is "local" or "mobile" || (type == "toll_free" && us);
            var capabilities = new FakeCapabilities(Voice: true, Sms: sms, Mms: sms && us, Fax: false, Emergency: type is "local" or "mobile", LocalCalling: type == "local");
            return new FakePhoneNumber(
                index, uuid, number, countryCode, FakeData.CountryNameOf(countryCode) ?? countryCode, type, isExternal, "active", "completed",
                Array.Empty<FakeRequirement>(), capabilities,
                new FakeChannel(true, 1, Array.Empty<string>()), new FakeChannel(sms, 1, Array.Empty<string>()), new FakeInbound(true, 2),
                monthlyFee, countryCode is "US" or "CA" or "AU" ? "USD" : "EUR",
                FakeBinding.None, FakeBinding.None, FakeBinding.None, purchasedAt, purchasedAt, "Added " + number);
        }
    }
}
