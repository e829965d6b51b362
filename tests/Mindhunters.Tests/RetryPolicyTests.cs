using System;
using Mindhunters.Api;
using Xunit;

namespace Mindhunters.Tests
{
    public class RetryPolicyTests
    {
        private readonly RetryPolicy _policy = RetryPolicy.Default;

        [Theory]
        [InlineData(408, true)]
        [InlineData(429, true)]
        [InlineData(500, true)]
        [InlineData(502, true)]
        [InlineData(503, true)]
        [InlineData(504, true)]
        [InlineData(400, false)]
        [InlineData(401, false)]
        [InlineData(404, false)]
        [InlineData(422, false)]
        [InlineData(501, false)]
        public void OnlyTransientStatuses_AreRetried(int status, bool retried)
        {
            Assert.Equal(retried, RetryPolicy.IsRetryableStatus(status));
        }

        [Fact]
        public void Backoff_Doubles_WithTwentyPercentJitter_AndA30SecondCap()
        {
            Assert.Equal(1.0, _policy.Backoff(1, 0.5).TotalSeconds, 3);
            Assert.Equal(2.0, _policy.Backoff(2, 0.5).TotalSeconds, 3);
            Assert.Equal(4.0, _policy.Backoff(3, 0.5).TotalSeconds, 3);
            Assert.Equal(0.8, _policy.Backoff(1, 0.0).TotalSeconds, 3);
            Assert.Equal(1.2, _policy.Backoff(1, 1.0).TotalSeconds, 3);
            Assert.Equal(30.0, _policy.Backoff(10, 0.5).TotalSeconds, 3);
        }

        [Fact]
        public void RetryAfter_IsHonouredWhenLonger_AndRefusedBeyond120Seconds()
        {
            Assert.Equal(TimeSpan.FromSeconds(7), _policy.Delay(1, TimeSpan.FromSeconds(7), 0.5));
            Assert.Equal(1.0, _policy.Delay(1, TimeSpan.FromSeconds(0), 0.5)!.Value.TotalSeconds, 3);
            Assert.Equal(TimeSpan.FromSeconds(120), _policy.Delay(1, TimeSpan.FromSeconds(120), 0.5));
            Assert.Null(_policy.Delay(1, TimeSpan.FromSeconds(121), 0.5));
        }

        [Fact]
        public void RetryAfter_IsReadAsSecondsOrAsAnHttpDate()
        {
            var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.ParseRetryAfter("5", now));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.ParseRetryAfter("Thu, 26 Nov 2026 12:00:30 GMT", now));
            Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter("Thu, 26 Nov 2026 11:00:00 GMT", now));
            Assert.Null(RetryPolicy.ParseRetryAfter(null, now));
        }

        [Theory]
        [InlineData("99999999999")] // 3,170 years: a TimeSpan still holds it
        [InlineData("999999999999")] // 31,700 years: past TimeSpan.MaxValue (29,227 years)
        [InlineData("9223372036854775808")] // past long
        public void AHugeRetryAfter_IsTooLong_NeverAnOverflow(string seconds)
        {
            TimeSpan? wait = RetryPolicy.ParseRetryAfter(seconds, DateTimeOffset.UtcNow);
            Assert.True(wait > RetryPolicy.Default.MaxRetryAfter);
            Assert.Null(RetryPolicy.Default.Delay(1, wait, 0.5));
        }
    }
}
