using System.Text.Json.Serialization;

namespace Mindhunters.Api.Raw
{
    /// <summary>One item of a raw listing (-All): its plain value, told apart from the others by its whole content.</summary>
    [JsonConverter(typeof(RawItemConverter))]
    internal sealed class RawItem
    {
        public RawItem(object? value) => Value = value;

        public object? Value { get; }
    }
}
