namespace ChatBot.Embeddings;

/// <summary>How a BERT sentence encoder turns its final token states into one vector (always made unit length after).</summary>
public enum BertPooling
{
    /// <summary>The state at the [CLS] position (snowflake-arctic-embed).</summary>
    Cls,

    /// <summary>The mean of the states of the real tokens, [CLS] and [SEP] included, padding left out (sentence-transformers' all-MiniLM).</summary>
    Mean,
}
