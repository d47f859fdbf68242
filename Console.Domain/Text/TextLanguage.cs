namespace Console.Domain.Text;

/// <summary>Tells Chinese from English by counting Han characters against Latin letters.</summary>
public static class TextLanguage
{
    public static string Detect(string text)
    {
        int han = 0, latin = 0;
        foreach (var c in text)
        {
            if (IsHan(c)) han++;
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin++;
        }
        // A Han character carries about as much as a three-letter English word, so mixed text leans Chinese.
        return han > 0 && han * 3 >= latin ? SentimentLabels.Chinese : SentimentLabels.English;
    }

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
