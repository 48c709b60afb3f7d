package dev.sfbackup.emulator.soql;

import java.util.Locale;

/** One lexical token of a SOQL statement with its character position. */
record Token(Kind kind, String text, Object value, int position) {

    enum Kind { IDENTIFIER, STRING, NUMBER, DATE, DATETIME, SYMBOL, END }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.toUpperCase(Locale.ROOT).equals(keyword);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}
