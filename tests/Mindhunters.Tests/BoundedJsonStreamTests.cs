using System;
using System.IO;
using System.Linq;
using System.Text;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    /// <summary>What an answer may build is counted from its bytes, before the parser builds anything from them.</summary>
    public sealed class BoundedJsonStreamTests
    {
        private static void ReadAll(string json, PageAllowance? allowance = null, int maxItems = int.MaxValue, int chunk = 7)
        {
            using var stream = new BoundedJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)), allowance ?? new PageAllowance(null), maxItems);
            var buffer = new byte[chunk];
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }

        private static string Page(int items, string item = "{}") => "{\"data\":{\"items\":[" + string.Join(",", Enumerable.Repeat(item, items)) + "],\"pagination\":{\"total\":1}}}";

        [Fact]
        public void AnOrdinaryPage_PassesWhole()
        {
            ReadAll(Page(100, "{\"number\":\"+1 {,[\\\"]}\",\"tags\":[1,2,{\"a\":[]}]}"), maxItems: 100);
        }

        [Fact]
        public void MillionsOfEmptyObjects_AreRefusedAtTheValueLimit_AsTooLarge()
        {
            string bomb = "{\"data\":{\"items\":[{\"requirements\":[" + string.Join(",", Enumerable.Repeat("{}", (int)ReadLimits.MaxValues)) + "]}]}}";

            var e = Assert.Throws<ResponseTooLargeException>(() => ReadAll(bomb, chunk: 64 * 1024));

            Assert.Equal(PageSizeRefusal.TooLarge, e.Refusal);
            Assert.Contains("JSON values", e.Message);
            Assert.Equal(1, e.ItemsStarted);
        }

        [Fact]
        public void ADeepNest_IsRefused_AndNotAsTooLarge()
        {
            string deep = new string('[', ReadLimits.MaxDepth + 1) + new string(']', ReadLimits.MaxDepth + 1);

            var e = Assert.Throws<ResponseTooLargeException>(() => ReadAll(deep));

            Assert.Equal(PageSizeRefusal.None, e.Refusal);
        }

        [Fact]
        public void MoreItemsThanAskedFor_AreRefusedAtTheFirstOneTooMany()
        {
            var e = Assert.Throws<TooManyItemsException>(() => ReadAll(Page(101), maxItems: 100));

            Assert.Equal(100, e.Limit);
        }

        [Fact]
        public void BracketsInStrings_AndObjectsDeeperDown_AreNotItems()
        {
            ReadAll(Page(3, "{\"x\":\"[{,{,{\",\"nested\":[{},{},{},{}]}"), maxItems: 3);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(5)]
        [InlineData(8)]
        [InlineData(13)]
        [InlineData(64)]
        public void EscapedQuotesAndBackslashes_EndNoStringEarly_HoweverTheBytesAreCut(int chunk)
        {
            // {"path":"C:\\","say":"a \" {[","n":[{},{}]}: a string that ends in an escaped backslash, and one with an
            // escaped quote before brackets. Read wrongly, a string ends early or late and the brackets shift the depth at
            // which items are counted.
            string item = "{\"path\":\"C:\\\\\",\"say\":\"a \\\" {[\",\"n\":[{},{}]}";
            ReadAll(Page(4, item), maxItems: 4, chunk: chunk);
            var e = Assert.Throws<TooManyItemsException>(() => ReadAll(Page(4, item), maxItems: 3, chunk: chunk));
            Assert.Equal(3, e.Limit);
        }

        [Fact]
        public void ThePagesOfOneListing_ShareOneBudget_AndGiveItBackWhenDisposed()
        {
            var budget = new ListingBudget();
            string big = Page(1, "{\"s\":\"" + new string('x', (int)(ReadLimits.MaxBytes - 100)) + "\"}");
            var first = new PageAllowance(budget);
            var second = new PageAllowance(budget);
            var third = new PageAllowance(budget);

            ReadAll(big, first, chunk: 1 << 20);
            ReadAll(big, second, chunk: 1 << 20);
            var e = Assert.Throws<ResponseTooLargeException>(() => ReadAll(big, third, chunk: 1 << 20));
            Assert.Equal(PageSizeRefusal.BudgetInUse, e.Refusal);

            first.Dispose();
            third.Dispose();
            ReadAll(big, new PageAllowance(budget), chunk: 1 << 20);
        }

        [Fact]
        public void ABodyThatClosesMoreThanItOpens_IsLeftToTheParser()
        {
            ReadAll("]]}}{\"a\":[{}]}");
        }
    }
}
