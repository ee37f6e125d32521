namespace ChatBot; public static class Placeholder {}
