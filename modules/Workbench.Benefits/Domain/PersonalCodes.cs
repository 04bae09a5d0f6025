using System.Globalization;

namespace Workbench.Benefits.Domain;

/// <summary>
/// Latvian personal codes (personas kods). The old format DDMMYY-XNNNC carries the birth date (X: 0 = 1800s, 1 = 1900s,
/// 2 = 2000s) and a check digit C = (1101 − Σ dᵢ·wᵢ) mod 11 with weights 1 6 3 7 9 10 5 8 4 2 (a result of 10 is never
/// issued). The new format (since 1 July 2017) is 32XXXX-XXXXX with no birth date; no check digit rule for it is
/// published, so it is accepted by its shape: "32" and nine more digits.
/// </summary>
public static class PersonalCodes
{
    private static readonly int[] Weights = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <param name="code">Eleven digits without the hyphen, when valid.</param>
    /// <param name="birthDate">The birth date of an old-format code; null for the new format.</param>
    /// <returns>null when valid, else what is wrong, in words for people.</returns>
    public static string? Check(string? input, out string code, out DateOnly? birthDate)
    {
        (code, birthDate) = ("", null);
        var digits = (input ?? "").Trim().Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit)) return "Personas kodam jābūt 11 cipariem formā DDMMGG-XNNNN vai 32XXXX-XXXXX.";
        if (digits.StartsWith("32", StringComparison.Ordinal))
        {
            code = digits;
            return null;
        }
        var century = digits[6] switch { '0' => 1800, '1' => 1900, '2' => 2000, _ => -1 };
        if (century < 0 || !DateOnly.TryParseExact($"{digits[..4]}{century + int.Parse(digits[4..6], CultureInfo.InvariantCulture)}", "ddMMyyyy",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return "Personas koda pirmie septiņi cipari nav derīgs dzimšanas datums.";
        if (CheckDigit(digits) is not { } check || check != digits[10] - '0') return "Personas koda kontrolcipars nav pareizs.";
        (code, birthDate) = (digits, birth);
        return null;
    }

    public static bool IsValid(string? input) => Check(input, out _, out _) is null;

    /// <summary>The check digit of an old-format code's first ten digits; null when the digits admit none.</summary>
    public static int? CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++) sum += (digits[i] - '0') * Weights[i];
        var check = (1101 - sum) % 11;
        return check == 10 ? null : check;
    }

    /// <summary>The code as people write it: DDMMYY-XNNNC.</summary>
    public static string Format(string code) => $"{code[..6]}-{code[6..]}";
}
