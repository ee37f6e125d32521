namespace ChatBot.Language.Tests;

/// <summary>The real dictionaries the Debian packages install (.ci/run installs mueller7-dict and iso-codes).</summary>
internal static class InstalledDictionary
{
    private static readonly LanguageOptions s_defaults = new();

    /// <summary>Speaker names as the store spells them.</summary>
    public static readonly string[] KnownSpeakers =
    [
        "Sergey Lavrov", "Joe Biden", "Jen Psaki", "Volodymyr Zelensky", "Vladimir Putin", "Antonio Guterres",
        "Karine Jean-Pierre", "Emmanuel Macron", "Olaf Scholz",
    ];

    private static readonly Lazy<RussianQueryTranslator> s_translator = new(() =>
    {
        Assert.True(File.Exists(s_defaults.RussianDictionary + ".index"),
            $"{s_defaults.RussianDictionary}.index is missing: install the Debian package mueller7-dict (.ci/run does: apt-get install mueller7-dict iso-codes)");
        var translator = new RussianQueryTranslator(new LanguageOptions(), () => KnownSpeakers);
        translator.Warm();
        return translator;
    });

    /// <summary>One translator over the installed Mueller dictionary, read once for all tests.</summary>
    public static RussianQueryTranslator Translator => s_translator.Value;
}
