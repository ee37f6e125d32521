using System.Globalization;
using Qdrant.Client.Grpc;

namespace ChatBot.Storage.Tests.Fake;

/// <summary>
/// Qdrant filter semantics for the conditions the store sends (keyword match and match-any, except, datetime range,
/// has-id, nested filters; must, should, must_not, min_should), and the check the protos cannot make: each field
/// filtered on has a payload index of a fitting type (Qdrant's strict mode demands it, and without one a filter scans).
/// </summary>
internal static class FakeFilter
{
    public static bool Matches(Filter? filter, FakePoint point)
    {
        if (filter is null) return true;
        if (!filter.Must.All(c => Matches(c, point))) return false;
        if (filter.MustNot.Any(c => Matches(c, point))) return false;
        if (filter.Should.Count > 0 && !filter.Should.Any(c => Matches(c, point))) return false;
        if (filter.MinShould is { } min && (ulong)min.Conditions.Count(c => Matches(c, point)) < min.MinCount) return false;
        return true;
    }

    /// <summary>What is wrong with the filter for this collection; empty when it can run.</summary>
    public static IEnumerable<string> Problems(Filter? filter, FakeCollection collection)
    {
        if (filter is null) yield break;
        var conditions = filter.Must.Concat(filter.MustNot).Concat(filter.Should).Concat(filter.MinShould?.Conditions ?? []);
        foreach (var condition in conditions)
        {
            switch (condition.ConditionOneOfCase)
            {
                case Condition.ConditionOneOfOneofCase.Field:
                    var field = condition.Field;
                    var needed = field.DatetimeRange is not null ? FieldType.Datetime : field.Match is not null ? FieldType.Keyword : (FieldType?)null;
                    if (needed is null) yield return $"fake: unsupported condition on '{field.Key}'";
                    else if (!collection.PayloadIndexes.TryGetValue(field.Key, out var type)) yield return $"Bad request: Index required but not found for \"{field.Key}\" of one of the following types: [{needed}]";
                    else if (type != needed) yield return $"Bad request: the index of \"{field.Key}\" is {type}, the condition needs {needed}";
                    break;
                case Condition.ConditionOneOfOneofCase.Filter:
                    foreach (var problem in Problems(condition.Filter, collection)) yield return problem;
                    break;
                case Condition.ConditionOneOfOneofCase.HasId:
                    break;
                default:
                    yield return $"fake: unsupported condition {condition.ConditionOneOfCase}";
                    break;
            }
        }
    }

    private static bool Matches(Condition condition, FakePoint point) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, point),
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => FakePoint.KeyOf(id) == point.Key),
        _ => false,
    };

    private static bool Matches(FieldCondition field, FakePoint point)
    {
        if (!point.Payload.TryGetValue(field.Key, out var value)) return false;
        var values = value.KindCase == Value.KindOneofCase.ListValue ? value.ListValue.Values.ToList() : [value];
        if (field.Match is { } match)
        {
            var strings = values.Where(v => v.KindCase == Value.KindOneofCase.StringValue).Select(v => v.StringValue).ToList();
            return match.MatchValueCase switch
            {
                Match.MatchValueOneofCase.Keyword => strings.Contains(match.Keyword),
                Match.MatchValueOneofCase.Keywords => strings.Any(match.Keywords.Strings.Contains),
                Match.MatchValueOneofCase.ExceptKeywords => !strings.Any(match.ExceptKeywords.Strings.Contains),
                _ => false,
            };
        }

        if (field.DatetimeRange is { } range)
        {
            return values.Where(v => v.KindCase == Value.KindOneofCase.StringValue).Any(v =>
            {
                var at = DateTimeOffset.Parse(v.StringValue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                return (range.Gte is null || at >= range.Gte.ToDateTimeOffset()) && (range.Lte is null || at <= range.Lte.ToDateTimeOffset())
                    && (range.Gt is null || at > range.Gt.ToDateTimeOffset()) && (range.Lt is null || at < range.Lt.ToDateTimeOffset());
            });
        }

        return false;
    }
}
