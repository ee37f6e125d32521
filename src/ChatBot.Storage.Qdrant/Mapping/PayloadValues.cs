using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Qdrant.Mapping;

/// <summary>
/// Payload records to Qdrant's gRPC <see cref="Value"/> maps and back, through their JSON form, so a payload keeps the
/// exact field names and shapes of <see cref="ChunkPayload"/> and <see cref="DocumentPayload"/> (the same points a REST
/// client reads). Integers stay integers; null members are not written.
/// </summary>
internal static class PayloadValues
{
    /// <summary>The record's fields as payload values.</summary>
    public static Dictionary<string, Value> ToPayload<T>(T record, JsonTypeInfo<T> typeInfo)
    {
        var json = JsonSerializer.SerializeToElement(record, typeInfo);
        var payload = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject()) payload[property.Name] = ToValue(property.Value);
        return payload;
    }

    /// <summary>The record read from a point's payload (missing members stay default).</summary>
    public static T FromPayload<T>(MapField<string, Value> payload, JsonTypeInfo<T> typeInfo)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in payload)
            {
                writer.WritePropertyName(key);
                Write(writer, value);
            }

            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo)!;
    }

    private static Value ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new Value { StringValue = element.GetString() },
        JsonValueKind.Number => element.TryGetInt64(out long integer) ? new Value { IntegerValue = integer } : new Value { DoubleValue = element.GetDouble() },
        JsonValueKind.True => new Value { BoolValue = true },
        JsonValueKind.False => new Value { BoolValue = false },
        JsonValueKind.Array => new Value { ListValue = ToList(element) },
        JsonValueKind.Object => new Value { StructValue = ToStruct(element) },
        _ => new Value { NullValue = NullValue.NullValue },
    };

    private static ListValue ToList(JsonElement array)
    {
        var list = new ListValue();
        foreach (var item in array.EnumerateArray()) list.Values.Add(ToValue(item));
        return list;
    }

    private static Struct ToStruct(JsonElement json)
    {
        var result = new Struct();
        foreach (var property in json.EnumerateObject()) result.Fields[property.Name] = ToValue(property.Value);
        return result;
    }

    private static void Write(Utf8JsonWriter writer, Value value)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StringValue: writer.WriteStringValue(value.StringValue); break;
            case Value.KindOneofCase.IntegerValue: writer.WriteNumberValue(value.IntegerValue); break;
            case Value.KindOneofCase.DoubleValue: writer.WriteNumberValue(value.DoubleValue); break;
            case Value.KindOneofCase.BoolValue: writer.WriteBooleanValue(value.BoolValue); break;
            case Value.KindOneofCase.ListValue:
                writer.WriteStartArray();
                foreach (var item in value.ListValue.Values) Write(writer, item);
                writer.WriteEndArray();
                break;
            case Value.KindOneofCase.StructValue:
                writer.WriteStartObject();
                foreach (var (key, field) in value.StructValue.Fields)
                {
                    writer.WritePropertyName(key);
                    Write(writer, field);
                }

                writer.WriteEndObject();
                break;
            default: writer.WriteNullValue(); break;
        }
    }
}

/// <summary>Source-generated serializers of the payload records; nulls are not written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChunkPayload))]
[JsonSerializable(typeof(DocumentPayload))]
internal sealed partial class PayloadJsonContext : JsonSerializerContext;
