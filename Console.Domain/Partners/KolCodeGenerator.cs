using System.Security.Cryptography;

namespace Console.Domain.Partners;

/// <summary>
/// Codes a KOL reads out on a stream: consonant-vowel syllables and two digits (e.g. MAKEDU47). No 0/O, 1/I/L, and
/// no C/Q whose sound is ambiguous, so what is heard is what is typed.
/// </summary>
public static class KolCodeGenerator
{
    public const string Consonants = "BDFGHJKMNPRSTVWZ";
    public const string Vowels = "AEU";
    public const string Digits = "23456789";

    public static string Generate()
    {
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < 6; i += 2)
        {
            code[i] = Consonants[RandomNumberGenerator.GetInt32(Consonants.Length)];
            code[i + 1] = Vowels[RandomNumberGenerator.GetInt32(Vowels.Length)];
        }
        code[6] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        code[7] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        return new string(code);
    }
}
