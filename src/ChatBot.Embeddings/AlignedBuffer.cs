using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ChatBot.Embeddings;

/// <summary>
/// A pinned float array whose usable part starts on a 64-byte boundary, so SIMD kernels can use raw
/// pointers into it without <c>fixed</c> blocks. The garbage collector owns the memory (nothing to free),
/// so a buffer stays valid for as long as anything references it.
/// </summary>
internal sealed unsafe class AlignedBuffer
{
    private const int AlignmentFloats = 16;
    private readonly float[] _array;
    private readonly int _offset;
    private readonly float* _pointer;

    public AlignedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _array = GC.AllocateArray<float>(length + AlignmentFloats, pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_array));
        _offset = (int)((64 - (address & 63)) & 63) / sizeof(float);
        _pointer = (float*)address + _offset;
        Length = length;
    }

    public int Length { get; }

    public float* Pointer => _pointer;

    public Span<float> Span => _array.AsSpan(_offset, Length);
}
