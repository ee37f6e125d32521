namespace ChatBot.Embeddings;

/// <summary>
/// A weight matrix <c>B[rows x columns]</c> (row-major, as TensorFlow stores a dense kernel
/// <c>[in, out]</c>) re-laid out once at load for <see cref="Gemm"/>: column panels of
/// <see cref="Gemm.PanelWidth"/> columns, each panel holding all rows contiguously
/// (<c>rows x 16</c> floats, zero-padded past the last column), 64-byte aligned.
/// Immutable after construction and safe to share between threads.
/// </summary>
internal sealed unsafe class PackedMatrix
{
    private readonly AlignedBuffer _panels;

    private PackedMatrix(AlignedBuffer panels, int rows, int columns)
    {
        _panels = panels;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The inner (reduction) dimension K.</summary>
    public int Rows { get; }

    /// <summary>The output dimension N.</summary>
    public int Columns { get; }

    /// <summary>Pointer to the first panel.</summary>
    public float* Pointer => _panels.Pointer;

    /// <summary>
    /// Packs a row-major matrix. Columns in <c>[scaledFrom, scaledTo)</c> are multiplied by
    /// <paramref name="scale"/> (used to fold the attention query scale into the projection).
    /// </summary>
    public static PackedMatrix Pack(ReadOnlySpan<float> rowMajor, int rows, int columns, float scale = 1f, int scaledFrom = 0, int scaledTo = 0)
    {
        if (rowMajor.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows}x{columns} values, got {rowMajor.Length}.", nameof(rowMajor));
        }

        int panels = Gemm.PanelCount(columns);
        var buffer = new AlignedBuffer(panels * rows * Gemm.PanelWidth);
        PackInto(rowMajor, columns, rows, columns, buffer.Pointer, scale, scaledFrom, scaledTo);
        return new PackedMatrix(buffer, rows, columns);
    }

    /// <summary>
    /// Packs <paramref name="rows"/> x <paramref name="columns"/> values read from a row-major source
    /// with row stride <paramref name="stride"/> into panel layout at <paramref name="destination"/>.
    /// </summary>
    public static void PackInto(ReadOnlySpan<float> source, int stride, int rows, int columns, float* destination,
        float scale = 1f, int scaledFrom = 0, int scaledTo = 0)
    {
        int panels = Gemm.PanelCount(columns);
        for (int panel = 0; panel < panels; panel++)
        {
            int firstColumn = panel * Gemm.PanelWidth;
            int width = Math.Min(Gemm.PanelWidth, columns - firstColumn);
            float* target = destination + (long)panel * rows * Gemm.PanelWidth;
            for (int row = 0; row < rows; row++, target += Gemm.PanelWidth)
            {
                var sourceRow = source.Slice(row * stride + firstColumn, width);
                for (int j = 0; j < width; j++)
                {
                    int column = firstColumn + j;
                    target[j] = column >= scaledFrom && column < scaledTo ? sourceRow[j] * scale : sourceRow[j];
                }

                for (int j = width; j < Gemm.PanelWidth; j++)
                {
                    target[j] = 0f;
                }
            }
        }
    }
}
