using System;
using System.Globalization;

namespace Mindhunters.Api
{
    /// <summary>
    /// When to try a GET again and how long to wait first: 3 retries, 1 s doubling with ±20% jitter, 30 s cap,
    /// never sooner than Retry-After, and a Retry-After beyond 120 s fails at once instead of stalling a runbook.
    /// </summary>
    internal sealed class RetryPolicy
    {
        public static readonly RetryPolicy Default = new RetryPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(120), 0.2);

        public RetryPolicy(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan maxRetryAfter, double jitter)
        {
            MaxRetries = maxRetries;
            BaseDelay = baseDelay;
            MaxDelay = maxDelay;
            MaxRetryAfter = maxRetryAfter;
            Jitter = jitter;
        }

        public int MaxRetries { get; }
        public TimeSpan BaseDelay { get; }
        public TimeSpan MaxDelay { get; }
        public TimeSpan MaxRetryAfter { get; }
        public double Jitter { get; }

        public static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

        /// <summary>The backoff before retry number <paramref name="retry"/> (1-based); <paramref name="random01"/> in [0, 1).</summary>
        public TimeSpan Backoff(int retry, double random01)
        {
            double seconds = BaseDelay.TotalSeconds * Math.Pow(2, Math.Max(0, retry - 1));
            seconds *= 1 + Jitter * (2 * random01 - 1);
            return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
        }

        /// <summary>How long to wait before retry number <paramref name="retry"/>, or null when the server asks for too long.</summary>
        public TimeSpan? Delay(int retry, TimeSpan? retryAfter, double random01)
        {
            if (retryAfter is TimeSpan asked && asked > MaxRetryAfter) return null;
            TimeSpan backoff = Backoff(retry, random01);
            return retryAfter is TimeSpan wait && wait > backoff ? wait : backoff;
        }

        /// <summary>
        /// Retry-After as seconds or as an HTTP date; a date in the past means "now". Read from the raw header, because
        /// the framework's parser drops a number too large for it and a wait of "99999999999" must fail, not become 1 s:
        /// any number of seconds past what a TimeSpan holds is <see cref="TimeSpan.MaxValue"/>.
        /// </summary>
        public static TimeSpan? ParseRetryAfter(string? header, DateTimeOffset now)
        {
            string text = (header ?? "").Trim();
            if (text.Length == 0) return null;
            if (IsDigits(text))
            {
                // A TimeSpan overflows past about 29,000 years (12 digits of seconds); up to 11 digits (3,170 years)
                // it holds any value, and every longer one is simply "too long".
                return text.Length > 11 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(long.Parse(text, CultureInfo.InvariantCulture));
            }
            if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
            return null;
        }

        private static bool IsDigits(string text)
        {
            foreach (char c in text)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }
    }
}
