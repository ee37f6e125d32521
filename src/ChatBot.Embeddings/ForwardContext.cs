namespace ChatBot.Embeddings;

/// <summary>Per-call settings of a forward pass.</summary>
/// <param name="Workers">Threads the pass may use.</param>
/// <param name="Kernel">GEMM micro-kernel.</param>
/// <param name="Stages">Receives intermediate activations when not null.</param>
/// <param name="CancellationToken">Checked between layers and sub-layers.</param>
internal readonly record struct ForwardContext(int Workers, GemmKernel Kernel, StageRecorder? Stages, CancellationToken CancellationToken);
