using System.Text.RegularExpressions;

namespace Workbench.Tests.Infrastructure;

/// <summary>Posting the server-rendered forms as a browser would.</summary>
public static partial class Forms
{
    /// <summary>The anti-forgery token of the first form on the page.</summary>
    public static string AntiforgeryToken(string html) => Token().Match(html) is { Success: true } match
        ? match.Groups[1].Value : throw new InvalidOperationException("The page has no anti-forgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
