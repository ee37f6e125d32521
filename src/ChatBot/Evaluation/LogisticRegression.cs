namespace ChatBot.Evaluation;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares) on standardised
/// features. The relevance model has a dozen features and a few thousand rows, so the exact second-order fit takes
/// milliseconds and needs no learning rate; a machine-learning framework would add tens of megabytes for this one fit.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fits weights and bias; <paramref name="lambda"/> penalises the squared weights (not the bias).</summary>
    public static (double[] Mean, double[] Scale, double[] Weights, double Bias) Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double lambda = 1.0, int iterations = 50)
    {
        int n = x.Count, d = x[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = x.Average(r => r[j]);
            double variance = x.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]));
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        // Column 0 is the bias, 1..d the standardised features.
        var z = x.Select(r => new[] { 1.0 }.Concat(r.Select((v, j) => (v - mean[j]) / scale[j])).ToArray()).ToArray();
        var beta = new double[d + 1];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1, d + 1];
            for (int i = 0; i < n; i++)
            {
                double p = Sigmoid(Dot(beta, z[i]));
                double w = Math.Max(p * (1 - p), 1e-9);
                double residual = (y[i] ? 1 : 0) - p;
                for (int a = 0; a <= d; a++)
                {
                    gradient[a] += residual * z[i][a];
                    for (int b = 0; b <= d; b++) hessian[a, b] += w * z[i][a] * z[i][b];
                }
            }

            for (int a = 1; a <= d; a++)
            {
                gradient[a] -= lambda * beta[a];
                hessian[a, a] += lambda;
            }

            var step = Solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a <= d; a++)
            {
                beta[a] += step[a];
                change = Math.Max(change, Math.Abs(step[a]));
            }

            if (change < 1e-8) break;
        }

        return (mean, scale, beta[1..], beta[0]);
    }

    /// <summary>The logistic function.</summary>
    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (int c = 0; c < n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (int r = col + 1; r < n; r++)
            {
                double f = m[r, col] / m[col, col];
                for (int c = col; c < n; c++) m[r, c] -= f * m[col, c];
                x[r] -= f * x[col];
            }
        }

        for (int r = n - 1; r >= 0; r--)
        {
            for (int c = r + 1; c < n; c++) x[r] -= m[r, c] * x[c];
            x[r] /= m[r, r];
        }

        return x;
    }
}
