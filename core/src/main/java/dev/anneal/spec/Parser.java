package dev.anneal.spec;

import dev.anneal.spec.Node.Arg;
import dev.anneal.spec.Node.Binary;
import dev.anneal.spec.Node.Call;
import dev.anneal.spec.Node.DictLit;
import dev.anneal.spec.Node.Entry;
import dev.anneal.spec.Node.ListLit;
import dev.anneal.spec.Node.Op;
import dev.anneal.spec.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the tokens. Grammar ('*' binds tighter than 'then'; both are left-associative):
 * <pre>
 *   spec    := seq END
 *   seq     := product ('then' product)*
 *   product := atom ('*' atom)*
 *   atom    := NUMBER | PERCENT | STRING | NAME | call | '(' seq ')' | '[' items ']' | '{' entries '}'
 *   call    := NAME '(' [arg (',' arg)* [',']] ')'
 *   arg     := [NAME '='] seq
 * </pre>
 */
final class Parser {
    private final String text;
    private final List<Token> tokens;
    private int pos;

    private Parser(String text) {
        this.text = text;
        this.tokens = Lexer.tokens(text);
    }

    static Node parse(String text) {
        if (text == null || text.isBlank()) throw new SpecException("empty spec: expected a schedule such as cosine(0.1, steps=1000)", text, 0);
        Parser parser = new Parser(text);
        Node node = parser.sequence();
        Token end = parser.peek();
        if (end.kind() != Kind.END) {
            throw parser.error("expected 'then', '*' or the end of the spec, found " + end.describe(), end);
        }
        return node;
    }

    private Node sequence() {
        Node left = product();
        while (peek().kind() == Kind.NAME && peek().text().equals("then")) {
            Token op = advance();
            left = new Binary(Op.THEN, left, product(), op.column());
        }
        return left;
    }

    private Node product() {
        Node left = atom();
        while (peek().kind() == Kind.STAR) {
            Token op = advance();
            left = new Binary(Op.TIMES, left, atom(), op.column());
        }
        return left;
    }

    private Node atom() {
        Token t = advance();
        return switch (t.kind()) {
            case NUMBER -> new Node.Num(number(t), t.text(), t.column());
            case PERCENT -> new Node.Percent(number(t), t.text(), t.column());
            case STRING -> new Node.Str(t.text(), t.column());
            case NAME -> {
                if (t.text().equals("then")) throw error("expected a schedule before 'then'", t);
                yield peek().kind() == Kind.LPAREN ? call(t) : new Node.Word(t.text(), t.column());
            }
            case LPAREN -> {
                Node inner = sequence();
                expect(Kind.RPAREN, "to close the '(' at column " + t.column());
                yield inner;
            }
            case LBRACKET -> list(t);
            case LBRACE -> dict(t);
            default -> throw error("expected a schedule or a value, found " + t.describe(), t);
        };
    }

    private Call call(Token name) {
        advance(); // '('
        List<Arg> args = new ArrayList<>();
        while (peek().kind() != Kind.RPAREN) {
            Token start = peek();
            String key = null;
            if (start.kind() == Kind.NAME && peekAt(1).kind() == Kind.EQUALS) {
                key = advance().text();
                advance();
            } else if (!args.isEmpty() && args.getLast().name() != null) {
                throw error("positional argument after named arguments", start);
            }
            args.add(new Arg(key, sequence(), start.column()));
            if (peek().kind() == Kind.COMMA) {
                advance();
            } else if (peek().kind() != Kind.RPAREN) {
                throw error("expected ',' or ')' in the arguments of " + name.text() + ", found " + peek().describe(), peek());
            }
        }
        advance();
        return new Call(name.text(), List.copyOf(args), name.column());
    }

    private ListLit list(Token open) {
        List<Node> items = new ArrayList<>();
        while (peek().kind() != Kind.RBRACKET) {
            items.add(sequence());
            if (peek().kind() == Kind.COMMA) advance();
            else if (peek().kind() != Kind.RBRACKET) throw error("expected ',' or ']' in the list, found " + peek().describe(), peek());
        }
        advance();
        return new ListLit(List.copyOf(items), open.column());
    }

    private DictLit dict(Token open) {
        List<Entry> entries = new ArrayList<>();
        while (peek().kind() != Kind.RBRACE) {
            Node key = atom();
            expect(Kind.COLON, "after a dict key");
            entries.add(new Entry(key, sequence()));
            if (peek().kind() == Kind.COMMA) advance();
            else if (peek().kind() != Kind.RBRACE) throw error("expected ',' or '}' in the dict, found " + peek().describe(), peek());
        }
        advance();
        return new DictLit(List.copyOf(entries), open.column());
    }

    private double number(Token t) {
        double v = Double.parseDouble(t.text().replace("_", ""));
        if (Double.isInfinite(v)) throw error("number " + t.text() + " is too large for a double", t);
        return v;
    }

    private void expect(Kind kind, String why) {
        Token t = peek();
        if (t.kind() != kind) throw error("expected " + kind.description + " " + why + ", found " + t.describe(), t);
        advance();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) pos++;
        return t;
    }

    private SpecException error(String reason, Token at) {
        return new SpecException(reason, text, at.column());
    }
}
