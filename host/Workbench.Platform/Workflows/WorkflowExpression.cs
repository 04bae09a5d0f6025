using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbench.Platform.Workflows;

/// <summary>
/// The conditions of <c>if</c> steps, over the instance's variables: <c>direction == 'Incoming' &amp;&amp; (days &gt; 3 || urgent)</c>.
/// Operands are field names, 'strings', numbers, true, false and null; operators ==, !=, &lt;, &lt;=, &gt;, &gt;=,
/// contains, !, &amp;&amp;, ||, parentheses. A condition is parsed when the workflow type is saved, so a run never meets a
/// malformed one; a missing field is null.
/// </summary>
public sealed class WorkflowExpression
{
    private readonly Func<JsonObject, object?> _evaluate;

    private WorkflowExpression(Func<JsonObject, object?> evaluate) => _evaluate = evaluate;

    public static (WorkflowExpression? Expression, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "nosacījums ir tukšs");
        try
        {
            var parser = new Parser(Tokenize(text));
            var root = parser.Or();
            if (!parser.AtEnd) throw new FormatException($"lieks \"{parser.Peek}\"");
            return (new WorkflowExpression(root), null);
        }
        catch (FormatException ex) { return (null, $"nosacījums \"{text}\": {ex.Message}"); }
    }

    public bool IsTrue(JsonObject variables) => Truthy(_evaluate(variables));

    private static bool Truthy(object? value) => value switch { null => false, bool b => b, double d => d != 0, string s => s.Length > 0, _ => true };

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException("neaizvērta pēdiņa");
                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
                continue;
            }
            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||") { tokens.Add(two); i += 2; continue; }
            if ("<>!()".Contains(c)) { tokens.Add(c.ToString()); i++; continue; }
            if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-')) i++;
                tokens.Add(text[start..i]);
                continue;
            }
            throw new FormatException($"neatpazīta zīme '{c}'");
        }
        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int _position;
        public bool AtEnd => _position >= tokens.Count;
        public string Peek => AtEnd ? "" : tokens[_position];

        private bool Accept(string token)
        {
            if (Peek != token) return false;
            _position++;
            return true;
        }

        public Func<JsonObject, object?> Or()
        {
            var left = And();
            while (Accept("||")) { var l = left; var r = And(); left = v => Truthy(l(v)) || Truthy(r(v)); }
            return left;
        }

        private Func<JsonObject, object?> And()
        {
            var left = Comparison();
            while (Accept("&&")) { var l = left; var r = Comparison(); left = v => Truthy(l(v)) && Truthy(r(v)); }
            return left;
        }

        private Func<JsonObject, object?> Comparison()
        {
            var left = Operand();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">", "contains" })
            {
                if (!Accept(op)) continue;
                var right = Operand();
                return v => Compare(op, left(v), right(v));
            }
            return left;
        }

        private Func<JsonObject, object?> Operand()
        {
            if (AtEnd) throw new FormatException("nepabeigts nosacījums");
            if (Accept("("))
            {
                var inner = Or();
                if (!Accept(")")) throw new FormatException("trūkst ')'");
                return inner;
            }
            if (Accept("!")) { var operand = Operand(); return v => !Truthy(operand(v)); }
            var token = tokens[_position++];
            if (token.StartsWith('\'')) { var text = token[1..^1]; return _ => text; }
            if (token is "true" or "false") { var flag = token == "true"; return _ => flag; }
            if (token == "null") return _ => null;
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return _ => number;
            if (token is "==" or "!=" or "<" or ">" or "<=" or ">=" or "&&" or "||" or ")" or "contains") throw new FormatException($"gaidīja vērtību, ne \"{token}\"");
            return v => Value(v[token]);
        }

        private static object? Value(JsonNode? node) => node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => node.ToJsonString(),
        };

        private static object Compare(string op, object? left, object? right)
        {
            if (op == "contains") return left?.ToString()?.Contains(right?.ToString() ?? "", StringComparison.OrdinalIgnoreCase) == true;
            var order = (left, right) switch
            {
                (double a, double b) => a.CompareTo(b),
                (null, null) => 0,
                (null, _) or (_, null) => op is "==" or "!=" ? 1 : int.MinValue,
                _ => string.CompareOrdinal(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture)),
            };
            if (order == int.MinValue) return false;
            return op switch { "==" => order == 0, "!=" => order != 0, "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 };
        }
    }
}
