namespace ChatBot.Embeddings;

/// <summary>Runs a fixed number of independent work items on up to a given number of threads.</summary>
internal static class ParallelWork
{
    /// <summary>
    /// Invokes <paramref name="body"/> once per item in <c>[0, count)</c>. Items are handed out
    /// dynamically; the second argument is a worker index in <c>[0, maxWorkers)</c> that no two
    /// concurrently running bodies share, so it can select per-worker scratch memory. The calling
    /// thread takes part, and with one worker (or one item) everything runs inline.
    /// </summary>
    public static void For(int count, int maxWorkers, Action<int, int> body)
    {
        int workers = Math.Min(count, maxWorkers);
        if (workers <= 1)
        {
            for (int item = 0; item < count; item++)
            {
                body(item, 0);
            }

            return;
        }

        int next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < count)
            {
                body(item, worker);
            }
        });
    }
}
