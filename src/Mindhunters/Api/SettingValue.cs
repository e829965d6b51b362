namespace Mindhunters.Api
{
    /// <summary>
    /// One setting read from a value that may be text (a CSV cell): not given (an empty cell), a value, or a problem in
    /// words. Empty means "not given", never false, 0 or an empty list: Export-Csv writes every column of a number.
    /// </summary>
    internal readonly struct SettingValue<T>
    {
        private SettingValue(bool isGiven, T value, string? problem)
        {
            IsGiven = isGiven;
            Value = value;
            Problem = problem;
        }

        public static SettingValue<T> NotGiven => default;

        public bool IsGiven { get; }

        /// <summary>The value, when <see cref="IsGiven"/> and no <see cref="Problem"/>.</summary>
        public T Value { get; }

        /// <summary>What is wrong with the given value: "is not true or false".</summary>
        public string? Problem { get; }

        public bool IsUsable => IsGiven && Problem is null;

        public static SettingValue<T> Of(T value) => new SettingValue<T>(true, value, null);

        public static SettingValue<T> Refused(string problem) => new SettingValue<T>(true, default!, problem);
    }
}
