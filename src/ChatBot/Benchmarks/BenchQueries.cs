namespace ChatBot.Benchmarks;

/// <summary>Questions the benchmark asks, spread over the corpora's subjects (Lavrov's and the briefings').</summary>
public static class BenchQueries
{
    /// <summary>The list, asked in turn.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "What did Lavrov say about North Korea?",
        "What does he think about the DPRK crisis?",
        "NATO expansion to the east",
        "sanctions against Russia",
        "Syria chemical weapons",
        "Iran nuclear deal",
        "What did Lavrov say about terrorism in 2014?",
        "Ukraine crisis and the Minsk agreements",
        "reform of the UN Security Council",
        "multipolar world order",
        "What did Psaki say about inflation?",
        "COVID-19 vaccines for children",
        "infrastructure bill negotiations",
        "climate change commitments",
        "withdrawal from Afghanistan",
        "trade with China and tariffs",
        "student loan forgiveness",
        "gun violence legislation",
        "border security and migration",
        "What did Kirby say about Ukraine?",
        "Middle East peace process",
        "arms control treaties",
        "cyber security and hacking",
        "energy prices and oil",
        "Taiwan",
        "Is there a chance of a new reset with Trump?",
        "free trade and protectionism at APEC",
        "international law and sovereignty",
        "the situation in Libya",
        "Israel and Gaza ceasefire",
    ];
}
