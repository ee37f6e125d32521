namespace ChatBot.Storage.Sqlite; public static class Placeholder {}
