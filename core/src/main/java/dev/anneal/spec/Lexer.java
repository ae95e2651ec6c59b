package dev.anneal.spec;

import dev.anneal.spec.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits spec text into tokens. Numbers may carry a sign, an exponent, '_' separators and a trailing '%'. */
final class Lexer {
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(?:\\d[\\d_]*(?:\\.[\\d_]*)?|\\.\\d[\\d_]*)(?:[eE][+-]?\\d+)?");

    private final String text;
    private int pos;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        if (pos == text.length()) return new Token(Kind.END, "", pos + 1);
        int start = pos;
        char c = text.charAt(pos);
        Kind single = switch (c) {
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case ',' -> Kind.COMMA;
            case '=' -> Kind.EQUALS;
            case ':' -> Kind.COLON;
            case '*' -> Kind.STAR;
            default -> null;
        };
        if (single != null) {
            pos++;
            return new Token(single, String.valueOf(c), start + 1);
        }
        if (isDigit(c) || c == '.' || ((c == '-' || c == '+') && pos + 1 < text.length()
                && (isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.'))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_') return name(start);
        if (c == '\'' || c == '"') return string(start, c);
        throw new SpecException("unexpected character '" + c + "'", text, start + 1);
    }

    private Token number(int start) {
        Matcher m = NUMBER.matcher(text).region(start, text.length());
        if (!m.lookingAt()) throw new SpecException("malformed number", text, start + 1);
        pos = m.end();
        String literal = m.group();
        if (literal.length() > Limits.NUMBER_LENGTH) {
            throw new SpecException("number literal of " + literal.length() + " characters; the limit is " + Limits.NUMBER_LENGTH, text, start + 1);
        }
        int e = Math.max(literal.indexOf('e'), literal.indexOf('E'));
        if (e >= 0 && literal.substring(e + 1).replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "").length() > Limits.EXPONENT_DIGITS) {
            throw new SpecException("number " + literal + " has an exponent of more than " + Limits.EXPONENT_DIGITS
                    + " digits (the limit; a double's range ends near 1e308)", text, start + 1);
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
            int end = pos;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "._+-".indexOf(text.charAt(end)) >= 0)) end++;
            throw new SpecException("malformed number '" + text.substring(start, end) + "'", text, start + 1);
        }
        if (pos < text.length() && text.charAt(pos) == '%') {
            pos++;
            return new Token(Kind.PERCENT, literal, start + 1);
        }
        return new Token(Kind.NUMBER, literal, start + 1);
    }

    /** Names may be dotted, as dialects write them: {@code torch.StepLR}. */
    private Token name(int start) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            boolean part = Character.isLetterOrDigit(c) || c == '_'
                    || (c == '.' && pos + 1 < text.length() && Character.isLetter(text.charAt(pos + 1)));
            if (!part) break;
            pos++;
        }
        return new Token(Kind.NAME, text.substring(start, pos), start + 1);
    }

    private Token string(int start, char quote) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) c = text.charAt(pos++);
            value.append(c);
        }
        if (pos == text.length()) throw new SpecException("unterminated string", text, start + 1);
        pos++;
        return new Token(Kind.STRING, value.toString(), start + 1);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
