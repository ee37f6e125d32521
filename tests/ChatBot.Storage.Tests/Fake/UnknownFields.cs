using System.Collections;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>
/// Finds fields a request carries that Qdrant 1.19's protos do not declare. The protobuf runtime keeps such fields
/// aside instead of failing (<c>_unknownFields</c> of each generated message), so a client speaking a newer API than
/// the server would otherwise pass unnoticed.
/// </summary>
internal static class UnknownFields
{
    public static List<string> Find(IMessage message)
    {
        var found = new List<string>();
        Walk(message, message.Descriptor.Name, found);
        return found;
    }

    private static void Walk(IMessage message, string path, List<string> found)
    {
        var unknown = message.GetType().GetField("_unknownFields", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(message);
        if (unknown is UnknownFieldSet set && set.CalculateSize() > 0) found.Add($"{path}: {set.CalculateSize()} bytes of fields unknown to Qdrant 1.19");
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType != FieldType.Message) continue;
            var value = field.Accessor.GetValue(message);
            var name = $"{path}.{field.Name}";
            switch (value)
            {
                case IMessage child when !field.IsMap:
                    Walk(child, name, found);
                    break;
                case IDictionary map:
                    foreach (DictionaryEntry entry in map)
                    {
                        if (entry.Value is IMessage item) Walk(item, $"{name}[{entry.Key}]", found);
                    }

                    break;
                case IList list:
                    for (int i = 0; i < list.Count; i++)
                    {
                        if (list[i] is IMessage item) Walk(item, $"{name}[{i}]", found);
                    }

                    break;
            }
        }
    }
}
