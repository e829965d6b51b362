using System;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    public class PagePlanTests
    {
        private const ulong All = ulong.MaxValue;

        [Fact]
        public void NoPaging_ListsEverythingFromPage1_At100()
        {
            PagePlan plan = PagePlan.Create(null, null, 0, All, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((1, 100, 0, false), (plan.FirstPage, plan.PerPage, (int)plan.SkipInFirstPage, plan.SinglePage));
            Assert.Null(plan.LastWantedPage);
        }

        [Fact]
        public void First5_IsOneRequestOfFive()
        {
            PagePlan plan = PagePlan.Create(null, null, 0, 5, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((1, 5, 0, true), (plan.FirstPage, plan.PerPage, (int)plan.SkipInFirstPage, plan.SinglePage));
        }

        [Theory]
        [InlineData(150UL, 10UL, 16, 10, 0)]   // exactly the window
        [InlineData(40UL, 10UL, 5, 10, 0)]
        [InlineData(250UL, 10UL, 26, 10, 0)]
        [InlineData(95UL, 10UL, 7, 15, 5)]     // no page of 10..14 holds 95..104 whole; one of 15 does: page 7 is 90..104
        public void ShortWindow_FitsInOneRequest(ulong skip, ulong first, int page, int perPage, int skipInPage)
        {
            PagePlan plan = PagePlan.Create(null, null, skip, first, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((page, perPage, skipInPage, true), (plan.FirstPage, plan.PerPage, (int)plan.SkipInFirstPage, plan.SinglePage));
            // The window really lies inside that page.
            Assert.True((ulong)((plan.FirstPage - 1) * plan.PerPage + (int)plan.SkipInFirstPage) == skip);
            Assert.True((ulong)(plan.SkipInFirstPage) + first <= (ulong)plan.PerPage);
        }

        [Fact]
        public void WindowThatFitsNoPage_TakesAtMostTwoPagesOf100()
        {
            // 99 items from 50: sizes 99 and 100 both split it, so two pages of 100.
            PagePlan plan = PagePlan.Create(null, null, 50, 99, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((1, 100, 50, false), (plan.FirstPage, plan.PerPage, (int)plan.SkipInFirstPage, plan.SinglePage));
            Assert.Equal(2L, plan.LastWantedPage);
        }

        [Fact]
        public void LongWindow_UsesPagesOf100_AndStopsAtTheLastWantedPage()
        {
            PagePlan plan = PagePlan.Create(null, null, 250, 150, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((3, 100, 50), (plan.FirstPage, plan.PerPage, (int)plan.SkipInFirstPage));
            Assert.Equal(4L, plan.LastWantedPage);
        }

        [Fact]
        public void ExplicitPerPage_IsKept()
        {
            PagePlan plan = PagePlan.Create(null, 1, 3, All, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((4, 1, 0, false), (plan.FirstPage, plan.PerPage, (int)plan.SkipInFirstPage, plan.SinglePage));
        }

        [Fact]
        public void Page_ReturnsOnlyThatPage_At100UnlessPerPageIsGiven()
        {
            PagePlan plan = PagePlan.Create(2, 50, 0, All, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((2, 50, true), (plan.FirstPage, plan.PerPage, plan.SinglePage));
            Assert.Equal(100, PagePlan.Create(7, null, 0, All, false, Endpoints.PhoneNumbers.MaxPerPage).PerPage);
        }

        [Fact]
        public void First0_MakesNoRequest_UnlessTheTotalIsWanted()
        {
            Assert.False(PagePlan.Create(null, null, 0, 0, false, Endpoints.PhoneNumbers.MaxPerPage).NeedsRequest);
            PagePlan total = PagePlan.Create(null, null, 0, 0, true, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.True(total.NeedsRequest);
            Assert.Equal((1, 1, 0UL), (total.FirstPage, total.PerPage, total.MaxItems));
        }

        [Fact]
        public void SkipPastAnyPage_DoesNotOverflow()
        {
            PagePlan plan = PagePlan.Create(null, 1, ulong.MaxValue - 1, All, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal(0UL, plan.MaxItems);
            Assert.False(plan.NeedsRequest);
        }

        [Fact]
        public void WhatTheProgressBarCounts_FollowsTheWindow()
        {
            // -Skip 150 -First 10 of 225: ten numbers on one page; everything: 225 on three pages.
            PagePlan window = PagePlan.Create(null, null, 150, 10, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((10L, 1L), (window.WantedOf(225), window.PagesOf(23)));
            PagePlan all = PagePlan.Create(null, null, 0, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage);
            Assert.Equal((225L, 3L), (all.WantedOf(225), all.PagesOf(3)));
            Assert.Equal(0L, PagePlan.Create(null, null, 5000, ulong.MaxValue, false, Endpoints.PhoneNumbers.MaxPerPage).WantedOf(225));
        }

        [Theory]
        [InlineData(0, null)]
        [InlineData(null, 0)]
        [InlineData(null, 101)]
        public void OutOfRange_IsRefused(int? page, int? perPage)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => PagePlan.Create(page, perPage, 0, All, false, Endpoints.PhoneNumbers.MaxPerPage));
        }
    }
}
