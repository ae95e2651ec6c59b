package dev.anneal.spec;

/** One lexical token; {@code column} is 1-based. */
record Token(Kind kind, String text, int column) {
    enum Kind {
        NUMBER("a number"), PERCENT("a percentage"), STRING("a string"), NAME("a name"),
        LPAREN("'('"), RPAREN("')'"), LBRACKET("'['"), RBRACKET("']'"), LBRACE("'{'"), RBRACE("'}'"),
        COMMA("','"), EQUALS("'='"), COLON("':'"), STAR("'*'"), END("the end of the spec");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    String describe() {
        return switch (kind) {
            case END -> kind.description;
            case NUMBER, PERCENT, NAME -> "'" + text + "'";
            case STRING -> "the string " + text;
            default -> kind.description;
        };
    }
}
