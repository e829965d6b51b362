using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mindhunters.Model;

namespace Mindhunters.Api.Json
{
    /// <summary>Reads an array of objects of T into a <see cref="PartList{T}"/>, skipping elements that are not objects; never null.</summary>
    internal sealed class LenientPartListConverter<T> : JsonConverter<PartList<T>> where T : class
    {
        private readonly NestedReader<T> _nested = new NestedReader<T>();

        public override bool HandleNull => true;

        public override PartList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new PartList<T>(LenientObjectListConverter<T>.ReadObjects(ref reader, options, _nested));

        public override void Write(Utf8JsonWriter writer, PartList<T> value, JsonSerializerOptions options) =>
            LenientObjectListConverter<T>.WriteObjects(writer, value, options);
    }
}
