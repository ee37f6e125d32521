namespace ChatBot.Embeddings; public static class Placeholder {}
