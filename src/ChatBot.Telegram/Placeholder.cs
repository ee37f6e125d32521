namespace ChatBot.Telegram; internal static class Placeholder {}
