namespace ChatBot.Storage.Qdrant; internal static class Placeholder {}
