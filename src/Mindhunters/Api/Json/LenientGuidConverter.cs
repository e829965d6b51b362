using System;
using System.Text.Json;

namespace Mindhunters.Api.Json
{
    /// <summary>A uuid in any form Guid parses; anything else is Guid.Empty.</summary>
    internal sealed class LenientGuidConverter : LenientValueConverter<Guid>
    {
        protected override Guid FromString(ref Utf8JsonReader reader) =>
            reader.TryGetGuid(out Guid value) || Guid.TryParse(reader.GetString(), out value) ? value : Guid.Empty;

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
