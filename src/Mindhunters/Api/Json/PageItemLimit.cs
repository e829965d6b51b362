using System.Threading;

namespace Mindhunters.Api.Json
{
    /// <summary>
    /// The most items one page may hold while it is read: the per_page that was asked for. Set around the parse of one
    /// page (it flows into the deserializer's continuations); a server that sends more ends the read at once, before a
    /// million small items become a million objects.
    /// </summary>
    internal static class PageItemLimit
    {
        private static readonly AsyncLocal<int> Limit = new AsyncLocal<int>();

        /// <summary>0: no limit.</summary>
        public static int Current
        {
            get => Limit.Value;
            set => Limit.Value = value;
        }
    }
}
