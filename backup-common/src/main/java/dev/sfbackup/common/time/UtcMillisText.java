package dev.sfbackup.common.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The one spelling of an instant that the suite stores and hashes: {@code 2026-01-02T03:04:05.000Z} (UTC, milliseconds).
 * Salesforce writes the same instant as {@code …000+0000} (REST) or {@code …000Z} (Bulk API 2.0); both become this.
 * Plain date-times ({@code yyyy-MM-ddTHH:mm:ss}, 1-9 fraction digits, offset Z, ±HH:MM or ±HHMM) take a hand-written
 * path, because java.time's pattern parser cost half of the engine's and of storage's CPU per record; anything
 * unusual goes through java.time, so both paths give the same text.
 */
public final class UtcMillisText {

    private static final DateTimeFormatter ANY_OFFSET = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .toFormatter();
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int CANONICAL_LENGTH = 24;

    private UtcMillisText() {
    }

    /** The text as UTC milliseconds when it is a date-time with an offset; otherwise the text unchanged. */
    public static String normalize(String text) {
        if (text.length() < 20 || text.length() > 35 || text.charAt(10) != 'T' || text.charAt(4) != '-'
                || !looksLikeDateTime(text)) {
            return text;
        }
        String fast = fastNormalize(text);
        return fast != null ? fast : javaTimeNormalize(text);
    }

    /** True for text already in the canonical spelling (such text sorts in time order). */
    public static boolean isCanonical(String text) {
        return text.length() == CANONICAL_LENGTH && text.charAt(23) == 'Z' && text.charAt(19) == '.'
                && text.charAt(10) == 'T' && normalize(text) == text;
    }

    /** yyyy-MM-ddTHH:mm:ss, then optionally . and 1-9 digits, then Z or ±HH:MM or ±HHMM, nothing else. */
    private static boolean looksLikeDateTime(String s) {
        if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)
                || s.charAt(10) != 'T' || !digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16)
                || s.charAt(16) != ':' || !digits(s, 17, 19)) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 9 || i == s.length()) {
                return false;
            }
        }
        char sign = s.charAt(i);
        if (sign == 'Z') {
            return i + 1 == s.length();
        }
        if (sign != '+' && sign != '-') {
            return false;
        }
        int rest = s.length() - i - 1;
        if (rest == 5) {
            return digits(s, i + 1, i + 3) && s.charAt(i + 3) == ':' && digits(s, i + 4, i + 6);
        }
        return rest == 4 && digits(s, i + 1, i + 5);
    }

    /** Null when the value needs java.time's judgement (day past month end, hour 24, odd offset, year overflow). */
    private static String fastNormalize(String s) {
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        int hour = number(s, 11, 13);
        int minute = number(s, 14, 16);
        int second = number(s, 17, 19);
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month) || hour > 23
                || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int millis = 0;
        int fractionDigits = 0;
        if (s.charAt(i) == '.') {
            i++;
            while (isDigit(s.charAt(i))) {
                if (fractionDigits < 3) {
                    millis = millis * 10 + (s.charAt(i) - '0');
                }
                fractionDigits++;
                i++;
            }
            for (int d = fractionDigits; d < 3; d++) {
                millis *= 10;
            }
        }
        int offsetSeconds = 0;
        if (s.charAt(i) != 'Z') {
            int offsetHours = number(s, i + 1, i + 3);
            int offsetMinutes = s.charAt(i + 3) == ':' ? number(s, i + 4, i + 6) : number(s, i + 3, i + 5);
            if (offsetHours > 17 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        }
        if (offsetSeconds == 0) {
            // REST's +0000 and Bulk's Z: the fields are already UTC, so no date arithmetic
            return fractionDigits == 3 && s.charAt(i) == 'Z' ? s : format(year, month, day, hour, minute, second, millis);
        }
        LocalDateTime utc = LocalDateTime.of(year, month, day, hour, minute, second).minusSeconds(offsetSeconds);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return null;
        }
        return format(utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour(), utc.getMinute(),
                utc.getSecond(), millis);
    }

    private static String format(int year, int month, int day, int hour, int minute, int second, int millis) {
        char[] out = new char[CANONICAL_LENGTH];
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, month, 2);
        out[7] = '-';
        put(out, 8, day, 2);
        out[10] = 'T';
        put(out, 11, hour, 2);
        out[13] = ':';
        put(out, 14, minute, 2);
        out[16] = ':';
        put(out, 17, second, 2);
        out[19] = '.';
        put(out, 20, millis, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static String javaTimeNormalize(String text) {
        try {
            return UTC_MILLIS.format(OffsetDateTime.parse(text, ANY_OFFSET).toInstant());
        } catch (DateTimeException e) {
            return text;
        }
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
