package dev.sfbackup.emulator.soql;

import dev.sfbackup.emulator.org.FieldDef;
import dev.sfbackup.emulator.org.FieldType;
import dev.sfbackup.emulator.org.Org;
import dev.sfbackup.emulator.org.RecordView;
import dev.sfbackup.emulator.org.SObjectTable;
import dev.sfbackup.emulator.org.SystemFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles the SOQL a backup client sends: {@code SELECT f1, f2 | COUNT() FROM Object [WHERE ...] [ORDER BY f [ASC|DESC]
 * [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]}, with =, !=, <>, <, <=, >, >=, LIKE, IN, NOT IN, AND, OR, NOT and
 * parentheses in WHERE.
 */
public final class SoqlCompiler {

    private final String soql;
    private final List<Token> tokens;
    private final Org org;
    private int pos;
    private SObjectTable table;
    private final Set<String> equalityFilters = new HashSet<>();

    /**
     * A parsed WHERE (sub)expression: its test, and the earliest modification time (epoch millis) a record it accepts
     * can have, when the expression requires SystemModstamp or LastModifiedDate from some instant on (null otherwise).
     */
    private record Filter(Predicate<RecordView> test, Long modifiedFrom) {

        Filter and(Filter other) {
            Long from = modifiedFrom == null ? other.modifiedFrom : other.modifiedFrom == null ? modifiedFrom
                    : Long.valueOf(Math.max(modifiedFrom, other.modifiedFrom));
            return new Filter(test.and(other.test), from);
        }

        Filter or(Filter other) {
            Long from = modifiedFrom == null || other.modifiedFrom == null ? null : Long.valueOf(Math.min(modifiedFrom, other.modifiedFrom));
            return new Filter(test.or(other.test), from);
        }

        Filter negate() {
            return new Filter(test.negate(), null);
        }
    }

    private SoqlCompiler(String soql, Org org) {
        this.soql = soql;
        this.tokens = SoqlLexer.tokenize(soql);
        this.org = org;
    }

    public static QueryPlan compile(String soql, Org org) {
        if (soql == null || soql.isBlank()) {
            throw new SoqlException("MALFORMED_QUERY", "A query string has to be specified");
        }
        return new SoqlCompiler(soql, org).query();
    }

    private QueryPlan query() {
        expectKeyword("SELECT");
        int selectStart = pos;
        boolean countOnly = false;
        List<Token> fieldTokens = new ArrayList<>();
        if (peek().isKeyword("COUNT") && tokens.get(pos + 1).isSymbol("(")) {
            pos += 2;
            expectSymbol(")");
            countOnly = true;
        } else {
            do {
                Token field = next();
                if (field.kind() != Token.Kind.IDENTIFIER || field.isKeyword("FROM")) {
                    throw unexpected(field);
                }
                fieldTokens.add(field);
            } while (acceptSymbol(","));
        }
        if (!countOnly && fieldTokens.isEmpty()) {
            throw unexpected(tokens.get(selectStart));
        }
        expectKeyword("FROM");
        Token object = next();
        if (object.kind() != Token.Kind.IDENTIFIER) {
            throw unexpected(object);
        }
        table = org.table(object.text()).orElseThrow(() -> SoqlException.at("INVALID_TYPE", soql, object.position(),
                "sObject type '" + object.text() + "' is not supported. If you are attempting to use a custom object, be sure to "
                        + "append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."));
        List<FieldDef> fields = resolveSelected(fieldTokens);
        Filter where = new Filter(null, null);
        if (acceptKeyword("WHERE")) {
            where = orExpression();
        }
        List<QueryPlan.SortKey> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                orderBy.add(sortKey());
            } while (acceptSymbol(","));
        }
        Integer limit = acceptKeyword("LIMIT") ? nonNegativeInt() : null;
        Integer offset = acceptKeyword("OFFSET") ? nonNegativeInt() : null;
        if (peek().kind() != Token.Kind.END) {
            throw unexpected(peek());
        }
        checkRequiredFilter();
        return new QueryPlan(table, fields, countOnly, where.test(), List.copyOf(orderBy), limit, offset, where.modifiedFrom());
    }

    private void checkRequiredFilter() {
        List<String> required = table.requiredFilterFields();
        if (!required.isEmpty() && required.stream().noneMatch(equalityFilters::contains)) {
            throw new SoqlException("MALFORMED_QUERY", "Implementation restriction: " + table.name() + " requires a filter by a single Id on "
                    + String.join(" or ", required) + " using the equals operator or multiple Id's using the IN operator.");
        }
    }

    private List<FieldDef> resolveSelected(List<Token> fieldTokens) {
        List<FieldDef> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Token token : fieldTokens) {
            FieldDef field = resolve(token);
            if (!seen.add(field.name())) {
                throw SoqlException.at("MALFORMED_QUERY", soql, token.position(), "duplicate field selected: " + field.name());
            }
            fields.add(field);
        }
        return fields;
    }

    private FieldDef resolve(Token token) {
        return table.field(token.text()).orElseThrow(() -> SoqlException.at("INVALID_FIELD", soql, token.position(),
                "No such column '" + token.text() + "' on entity '" + table.name() + "'. If you are attempting to use a custom field, "
                        + "be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call "
                        + "for the appropriate names."));
    }

    private QueryPlan.SortKey sortKey() {
        FieldDef field = resolve(expectIdentifier());
        boolean descending = false;
        if (acceptKeyword("DESC")) {
            descending = true;
        } else {
            acceptKeyword("ASC");
        }
        boolean nullsFirst = !descending;
        if (acceptKeyword("NULLS")) {
            if (acceptKeyword("FIRST")) {
                nullsFirst = true;
            } else {
                expectKeyword("LAST");
                nullsFirst = false;
            }
        }
        return new QueryPlan.SortKey(field, descending, nullsFirst);
    }

    private Filter orExpression() {
        Filter left = andExpression();
        while (acceptKeyword("OR")) {
            left = left.or(andExpression());
        }
        return left;
    }

    private Filter andExpression() {
        Filter left = unary();
        while (acceptKeyword("AND")) {
            left = left.and(unary());
        }
        return left;
    }

    private Filter unary() {
        if (acceptKeyword("NOT")) {
            return unary().negate();
        }
        if (acceptSymbol("(")) {
            Filter inner = orExpression();
            expectSymbol(")");
            return inner;
        }
        return condition();
    }

    private Filter condition() {
        Token fieldToken = expectIdentifier();
        FieldDef field = resolve(fieldToken);
        if (acceptKeyword("NOT")) {
            expectKeyword("IN");
            return new Filter(in(field).negate(), null);
        }
        if (acceptKeyword("IN")) {
            equalityFilters.add(field.name());
            return new Filter(in(field), null);
        }
        if (acceptKeyword("LIKE")) {
            Token pattern = next();
            if (pattern.kind() != Token.Kind.STRING) {
                throw unexpected(pattern);
            }
            return new Filter(like(field, (String) pattern.value()), null);
        }
        Token op = next();
        if (op.kind() != Token.Kind.SYMBOL || op.isSymbol("(") || op.isSymbol(")") || op.isSymbol(",")) {
            throw unexpected(op);
        }
        Object literal = literal(field);
        if (op.isSymbol("=")) {
            equalityFilters.add(field.name());
        }
        return new Filter(comparison(field, op.text(), literal), modifiedFrom(field, op.text(), literal));
    }

    /** Records are modified on whole milliseconds, so {@code > x} means from the millisecond after x on. */
    private static Long modifiedFrom(FieldDef field, String op, Object literal) {
        boolean modification = field.name().equals(SystemFields.SYSTEM_MODSTAMP) || field.name().equals(SystemFields.LAST_MODIFIED_DATE);
        if (!modification || !(literal instanceof Instant instant)) {
            return null;
        }
        long millis = instant.toEpochMilli();
        return switch (op) {
            case ">" -> millis + 1;
            case ">=", "=" -> millis;
            default -> null;
        };
    }

    private Predicate<RecordView> in(FieldDef field) {
        expectSymbol("(");
        Set<Object> values = new HashSet<>();
        do {
            values.add(normalize(field, literal(field)));
        } while (acceptSymbol(","));
        expectSymbol(")");
        RecordView.FieldReader reader = RecordView.reader(field);
        return record -> values.contains(normalize(field, reader.read(record)));
    }

    private Predicate<RecordView> like(FieldDef field, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        RecordView.FieldReader reader = RecordView.reader(field);
        return record -> {
            Object value = reader.read(record);
            return value != null && compiled.matcher(value.toString()).matches();
        };
    }

    private static Predicate<RecordView> comparison(FieldDef field, String op, Object literal) {
        Object expected = normalize(field, literal);
        RecordView.FieldReader reader = RecordView.reader(field);
        return record -> {
            Object actual = normalize(field, reader.read(record));
            return switch (op) {
                case "=" -> actual == null ? expected == null : expected != null && compare(field, actual, expected) == 0;
                case "!=", "<>" -> actual == null ? expected != null : expected == null || compare(field, actual, expected) != 0;
                default -> {
                    if (actual == null || expected == null) {
                        yield false;
                    }
                    int c = compare(field, actual, expected);
                    yield switch (op) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                }
            };
        };
    }

    /**
     * 15-character ids are case-sensitive and ORDER BY Id is their counter order, which is their case-sensitive text
     * order; comparing them ignoring case would make {@code WHERE Id > :last ORDER BY Id} skip and repeat records.
     */
    private static int compare(FieldDef field, Object actual, Object expected) {
        if (isId(field) && actual instanceof String a && expected instanceof String b) {
            return a.compareTo(b);
        }
        return Values.compare(actual, expected);
    }

    private static boolean isId(FieldDef field) {
        return field.type() == FieldType.ID || field.type() == FieldType.REFERENCE;
    }

    /** Ids compare on their first 15 characters, so 15- and 18-character forms match. */
    private static Object normalize(FieldDef field, Object value) {
        if (value instanceof String s && (field.type() == FieldType.ID || field.type() == FieldType.REFERENCE)) {
            return s.length() == 18 ? s.substring(0, 15) : s;
        }
        if (value instanceof String s && field.type().isText()) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value;
    }

    private Object literal(FieldDef field) {
        Token token = next();
        if (token.isKeyword("NULL")) {
            return null;
        }
        FieldType type = field.type();
        return switch (type) {
            case DATETIME -> {
                if (token.kind() != Token.Kind.DATETIME) {
                    throw typeMismatch(token, field, "dateTime");
                }
                yield token.value();
            }
            case DATE -> {
                if (token.kind() != Token.Kind.DATE) {
                    throw typeMismatch(token, field, "date");
                }
                yield token.value();
            }
            case BOOLEAN -> {
                if (!token.isKeyword("TRUE") && !token.isKeyword("FALSE")) {
                    throw typeMismatch(token, field, "boolean");
                }
                yield token.isKeyword("TRUE");
            }
            case INT, DOUBLE, CURRENCY, PERCENT -> {
                if (token.kind() != Token.Kind.NUMBER) {
                    throw typeMismatch(token, field, "number");
                }
                yield ((BigDecimal) token.value()).doubleValue();
            }
            default -> {
                if (token.kind() != Token.Kind.STRING) {
                    throw typeMismatch(token, field, "string");
                }
                yield token.value();
            }
        };
    }

    private SoqlException typeMismatch(Token token, FieldDef field, String type) {
        String quoting = type.equals("string") ? "should be enclosed in quotes" : "should not be enclosed in quotes";
        if (token.kind() == Token.Kind.END || (token.kind() == Token.Kind.SYMBOL)) {
            return unexpected(token);
        }
        return SoqlException.at("INVALID_FIELD", soql, token.position(),
                "value of filter criterion for field '" + field.name() + "' must be of type " + type + " and " + quoting);
    }

    private int nonNegativeInt() {
        Token token = next();
        if (token.kind() != Token.Kind.NUMBER || ((BigDecimal) token.value()).signum() < 0 || ((BigDecimal) token.value()).scale() > 0) {
            throw unexpected(token);
        }
        return ((BigDecimal) token.value()).intValueExact();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token token = tokens.get(pos);
        if (token.kind() != Token.Kind.END) {
            pos++;
        }
        return token;
    }

    private Token expectIdentifier() {
        Token token = next();
        if (token.kind() != Token.Kind.IDENTIFIER) {
            throw unexpected(token);
        }
        return token;
    }

    private void expectKeyword(String keyword) {
        Token token = next();
        if (!token.isKeyword(keyword)) {
            throw unexpected(token);
        }
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw unexpected(token);
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    private SoqlException unexpected(Token token) {
        String shown = token.kind() == Token.Kind.END ? "<EOF>" : token.text();
        return SoqlException.at("MALFORMED_QUERY", soql, token.position(), "unexpected token: '" + shown + "'");
    }
}
