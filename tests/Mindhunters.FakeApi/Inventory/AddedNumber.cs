namespace Mindhunters.FakeApi
{
    /// <summary>
    /// A number a scope added to its data set, with the two fields the newer answers carry: location ("Milan", default the
    /// country) and source ("purchased" for a bought number, "external" for one brought in on a trunk).
    /// </summary>
    internal sealed record AddedNumber(FakePhoneNumber Number, string Location, string Source)
    {
        public const string Purchased = "purchased";
        public const string External = "external";
    }
}
