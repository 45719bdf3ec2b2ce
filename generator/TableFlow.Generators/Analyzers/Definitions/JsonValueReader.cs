using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TableFlow.Generators.Analyzers.Definitions;

/// <summary>
/// A small JSON reader for <c>tableflow.json</c>. Analyzers target netstandard2.0 and load in the compiler,
/// which cannot take a System.Text.Json dependency, and the file is small, so a recursive-descent reader suffices.
/// It accepts <c>//</c> and <c>/* */</c> comments and trailing commas, as the emulator does for the same file.
/// Objects become <see cref="Dictionary{TKey,TValue}"/> (the last duplicate key wins), arrays <see cref="List{T}"/>,
/// numbers <see cref="double"/>, and JSON <c>null</c> becomes <see langword="null"/>. It never throws for bad input:
/// <see cref="TryRead"/> returns <see langword="false"/> with a message naming the line and column.
/// </summary>
internal sealed class JsonValueReader
{
    // Deep enough for any flow definition, shallow enough that a hostile file cannot exhaust the compiler's stack.
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private JsonValueReader(string text) => _text = text;

    /// <summary>Reads one JSON value that spans the whole of <paramref name="text"/>.</summary>
    public static bool TryRead(string text, out object? value, out string error)
    {
        var reader = new JsonValueReader(text);
        try
        {
            reader.SkipWhiteSpace();
            if (reader._position < text.Length && text[reader._position] == '\uFEFF')
            {
                reader._position++;
                reader.SkipWhiteSpace();
            }

            value = reader.ReadValue(0);
            reader.SkipWhiteSpace();
            if (reader._position < text.Length) throw reader.Error("unexpected text after the end of the JSON value");
            error = "";
            return true;
        }
        catch (FormatException e)
        {
            value = null;
            error = e.Message;
            return false;
        }
    }

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth) throw Error($"values are nested deeper than {MaxDepth} levels");
        if (_position >= _text.Length) throw Error("the file ends where a value was expected");
        var c = _text[_position];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"': return ReadString();
            case 't': ReadLiteral("true"); return true;
            case 'f': ReadLiteral("false"); return false;
            case 'n': ReadLiteral("null"); return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                throw Error($"unexpected character '{Describe(c)}' where a value was expected");
        }
    }

    private Dictionary<string, object?> ReadObject(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        SkipWhiteSpace();
        if (TryConsume('}')) return result;
        while (true)
        {
            SkipWhiteSpace();
            if (_position >= _text.Length || _text[_position] != '"') throw Error("expected a property name in double quotes");
            var name = ReadString();
            SkipWhiteSpace();
            if (!TryConsume(':')) throw Error($"expected ':' after the property name \"{name}\"");
            SkipWhiteSpace();
            result[name] = ReadValue(depth + 1);
            SkipWhiteSpace();
            if (TryConsume('}')) return result;
            if (!TryConsume(',')) throw Error("expected ',' or '}' in an object");
            SkipWhiteSpace();
            if (TryConsume('}')) return result;
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var result = new List<object?>();
        _position++;
        SkipWhiteSpace();
        if (TryConsume(']')) return result;
        while (true)
        {
            SkipWhiteSpace();
            result.Add(ReadValue(depth + 1));
            SkipWhiteSpace();
            if (TryConsume(']')) return result;
            if (!TryConsume(',')) throw Error("expected ',' or ']' in an array");
            SkipWhiteSpace();
            if (TryConsume(']')) return result;
        }
    }

    private string ReadString()
    {
        var start = _position;
        _position++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length) throw Error("a string is not closed", start);
            var c = _text[_position++];
            if (c == '"') return sb.ToString();
            if (c < 0x20) throw Error("a string contains a raw control character (write it as an escape such as \\n)", _position - 1);
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_position >= _text.Length) throw Error("a string is not closed", start);
            var escape = _text[_position++];
            switch (escape)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length ||
                        !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("a \\u escape needs four hexadecimal digits", _position - 2);
                    }

                    sb.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"'\\{Describe(escape)}' is not a JSON escape", _position - 2);
            }
        }
    }

    private double ReadNumber()
    {
        var start = _position;
        if (_text[_position] == '-') _position++;
        var digits = SkipDigits();
        if (digits == 0) throw Error("a number needs digits", start);
        if (_position < _text.Length && _text[_position] == '.')
        {
            _position++;
            if (SkipDigits() == 0) throw Error("a number needs digits after the decimal point", start);
        }

        if (_position < _text.Length && (_text[_position] == 'e' || _text[_position] == 'E'))
        {
            _position++;
            if (_position < _text.Length && (_text[_position] == '+' || _text[_position] == '-')) _position++;
            if (SkipDigits() == 0) throw Error("a number needs digits in its exponent", start);
        }

        return double.Parse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private int SkipDigits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9') _position++;
        return _position - start;
    }

    private void ReadLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"unexpected character '{Describe(_text[_position])}' where a value was expected");
        }

        _position += literal.Length;
    }

    private bool TryConsume(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    /// <summary>Skips white space and comments.</summary>
    private void SkipWhiteSpace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n') _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0) throw Error("a /* comment is not closed");
                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private FormatException Error(string problem, int? at = null)
    {
        var position = Math.Min(at ?? _position, _text.Length);
        var line = 1;
        var column = 1;
        for (var i = 0; i < position; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new FormatException($"{problem} (line {line}, column {column})");
    }

    private static string Describe(char c) => c < 0x20 || c == 0x7F ? $"\\u{(int)c:X4}" : c.ToString();
}
