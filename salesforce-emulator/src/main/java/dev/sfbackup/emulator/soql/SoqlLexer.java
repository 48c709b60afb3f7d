package dev.sfbackup.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL into tokens: identifiers, quoted strings, numbers, date and dateTime literals, operators. */
final class SoqlLexer {

    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private SoqlLexer() {
    }

    static List<Token> tokenize(String soql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                i = readString(soql, i, tokens);
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < soql.length() && Character.isDigit(soql.charAt(i + 1)))) {
                i = readNumberOrDate(soql, i, tokens);
            } else if (Character.isLetter(c) || c == '_') {
                Matcher m = IDENTIFIER.matcher(soql).region(i, soql.length());
                m.lookingAt();
                tokens.add(new Token(Token.Kind.IDENTIFIER, m.group(), null, i));
                i = m.end();
            } else {
                i = readSymbol(soql, i, tokens);
            }
        }
        tokens.add(new Token(Token.Kind.END, "", null, soql.length()));
        return tokens;
    }

    private static int readString(String soql, int start, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (c == '\\' && i + 1 < soql.length()) {
                char next = soql.charAt(i + 1);
                value.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
                i += 2;
            } else if (c == '\'') {
                tokens.add(new Token(Token.Kind.STRING, soql.substring(start, i + 1), value.toString(), start));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw SoqlException.at("MALFORMED_QUERY", soql, start, "unterminated string literal");
    }

    private static int readNumberOrDate(String soql, int start, List<Token> tokens) {
        Matcher dateTime = DATETIME.matcher(soql).region(start, soql.length());
        if (dateTime.lookingAt()) {
            tokens.add(new Token(Token.Kind.DATETIME, dateTime.group(), parseDateTime(soql, start, dateTime.group()), start));
            return dateTime.end();
        }
        Matcher date = DATE.matcher(soql).region(start, soql.length());
        if (date.lookingAt()) {
            try {
                tokens.add(new Token(Token.Kind.DATE, date.group(), LocalDate.parse(date.group()), start));
            } catch (DateTimeParseException e) {
                throw SoqlException.at("MALFORMED_QUERY", soql, start, "invalid date: " + date.group());
            }
            return date.end();
        }
        Matcher number = NUMBER.matcher(soql).region(start, soql.length());
        number.lookingAt();
        tokens.add(new Token(Token.Kind.NUMBER, number.group(), new BigDecimal(number.group()), start));
        return number.end();
    }

    private static Instant parseDateTime(String soql, int start, String text) {
        String normalized = text.endsWith("Z") ? text : text.replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            return OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw SoqlException.at("MALFORMED_QUERY", soql, start, "invalid dateTime: " + text);
        }
    }

    private static int readSymbol(String soql, int i, List<Token> tokens) {
        String two = i + 1 < soql.length() ? soql.substring(i, i + 2) : "";
        if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
            tokens.add(new Token(Token.Kind.SYMBOL, two, null, i));
            return i + 2;
        }
        char c = soql.charAt(i);
        if ("(),=<>".indexOf(c) >= 0) {
            tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), null, i));
            return i + 1;
        }
        throw SoqlException.at("MALFORMED_QUERY", soql, i, "unexpected token: '" + c + "'");
    }
}
