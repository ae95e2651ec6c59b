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
 * Hostile input meets limits, each named in its error: {@link Limits}. A 'then' chain becomes a balanced tree
 * of {@code Binary} nodes, so no walker of the tree recurses deeper than the nesting limit plus log₂ of its length.
 */
final class Parser {
    private final String text;
    private final List<Token> tokens;
    private int pos;
    /** Calls, brackets and '*' factors entered so far: the depth the binder and printer will recurse to. */
    private int depth;

    private Parser(String text) {
        this.text = text;
        this.tokens = Lexer.tokens(text);
    }

    static Node parse(String text) {
        if (text == null || text.isBlank()) throw new SpecException("empty spec: expected a schedule such as cosine(0.1, steps=1000)", text, 0);
        if (text.length() > Limits.LENGTH) {
            throw new SpecException("the spec is " + text.length() + " characters long; the limit is " + Limits.LENGTH, null, 0);
        }
        Parser parser = new Parser(text);
        Node node = parser.sequence();
        Token end = parser.peek();
        if (end.kind() != Kind.END) {
            throw parser.error("expected 'then', '*' or the end of the spec, found " + end.describe(), end);
        }
        return node;
    }

    private Node sequence() {
        List<Node> pieces = new ArrayList<>();
        List<Token> thens = new ArrayList<>();
        pieces.add(product());
        while (peek().kind() == Kind.NAME && peek().text().equals("then")) {
            Token op = advance();
            if (pieces.size() == Limits.PIECES) {
                throw error("a 'then' chain may join at most " + Limits.PIECES + " schedules (the limit)", op);
            }
            thens.add(op);
            pieces.add(product());
        }
        return balanced(pieces, thens, 0, pieces.size());
    }

    /** Pieces [from, to) joined by the 'then's between them, split in the middle; each node keeps its operator's column. */
    private static Node balanced(List<Node> pieces, List<Token> thens, int from, int to) {
        if (to - from == 1) return pieces.get(from);
        int mid = (from + to) >>> 1;
        return new Binary(Op.THEN, balanced(pieces, thens, from, mid), balanced(pieces, thens, mid, to), thens.get(mid - 1).column());
    }

    private Node product() {
        int entry = depth;
        Node left = atom();
        while (peek().kind() == Kind.STAR) {
            Token op = advance();
            enter(op);
            left = new Binary(Op.TIMES, left, atom(), op.column());
        }
        depth = entry;
        return left;
    }

    /** One level deeper; past the limit is an error at the token that opened the level. */
    private void enter(Token at) {
        if (++depth > Limits.DEPTH) {
            throw error("the spec nests deeper than " + Limits.DEPTH + " levels (the limit; calls, brackets and '*' factors each count one)", at);
        }
    }

    private Node atom() {
        Token t = advance();
        if (t.kind() == Kind.LPAREN || t.kind() == Kind.LBRACKET || t.kind() == Kind.LBRACE
                || (t.kind() == Kind.NAME && peek().kind() == Kind.LPAREN)) {
            enter(t);
            try {
                return nested(t);
            } finally {
                depth--;
            }
        }
        return switch (t.kind()) {
            case NUMBER -> new Node.Num(number(t), t.text(), t.column());
            case PERCENT -> new Node.Percent(number(t), t.text(), t.column());
            case STRING -> new Node.Str(t.text(), t.column());
            case NAME -> {
                if (t.text().equals("then")) throw error("expected a schedule before 'then'", t);
                yield new Node.Word(t.text(), t.column());
            }
            default -> throw error("expected a schedule or a value, found " + t.describe(), t);
        };
    }

    private Node nested(Token t) {
        return switch (t.kind()) {
            case NAME -> {
                if (t.text().equals("then")) throw error("expected a schedule before 'then'", t);
                yield call(t);
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
        if (v == 0 && t.text().matches("[^eE]*[1-9].*")) throw error("number " + t.text() + " is too small for a double: it would read as 0", t);
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
