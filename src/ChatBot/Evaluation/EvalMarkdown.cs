using System.Globalization;
using System.Text;

namespace ChatBot.Evaluation;

/// <summary>Evaluation reports as a Markdown table, one column per ranking.</summary>
public static class EvalMarkdown
{
    /// <summary>The table: rows are metrics, overall then per kind.</summary>
    public static string Render(IReadOnlyList<EvalReport> reports)
    {
        var sb = new StringBuilder();
        sb.Append("| scope | metric | ").Append(string.Join(" | ", reports.Select(r => r.Ranking))).AppendLine(" |");
        sb.Append("|---|---|").Append(string.Concat(reports.Select(_ => "---|"))).AppendLine();
        var scopes = new List<(string Name, Func<EvalReport, EvalScores?> Get)> { ("overall", r => r.Overall) };
        foreach (var kind in reports[0].ByKind.Keys) scopes.Add((kind, r => r.ByKind.GetValueOrDefault(kind)));
        foreach (var (name, get) in scopes)
        {
            var first = get(reports[0])!;
            Row(sb, $"{name} ({first.Questions})", "recall@1", reports.Select(r => get(r)?.RecallAt1));
            Row(sb, "", "recall@5", reports.Select(r => get(r)?.RecallAt5));
            Row(sb, "", "MRR", reports.Select(r => get(r)?.Mrr));
            Row(sb, "", "answer recall", reports.Select(r => get(r)?.AnswerRecall));
            Row(sb, "", "refusal accuracy", reports.Select(r => get(r)?.RefusalAccuracy));
            Row(sb, "", "false refusals", reports.Select(r => (double?)get(r)?.FalseRefusals));
            Row(sb, "", "year correct", reports.Select(r => get(r)?.YearCorrect));
            Row(sb, "", "attribution errors", reports.Select(r => (double?)get(r)?.AttributionErrors));
            Row(sb, "", "verbatim rate", reports.Select(r => get(r)?.VerbatimRate));
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string scope, string metric, IEnumerable<double?> values)
    {
        var cells = values.Select(v => v is null ? "–" : v.Value.ToString(v.Value % 1 == 0 ? "0" : "0.000", CultureInfo.InvariantCulture)).ToList();
        if (cells.All(c => c == "–") && scope.Length == 0) return;
        sb.Append("| ").Append(scope).Append(" | ").Append(metric).Append(" | ").Append(string.Join(" | ", cells)).AppendLine(" |");
    }
}
