package dev.sfbackup.emulator.org;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Salesforce field types the emulator knows, with their SOAP type and value formatting. */
public enum FieldType {
    ID("id", "tns:ID"),
    STRING("string", "xsd:string"),
    TEXTAREA("textarea", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    EMAIL("email", "xsd:string"),
    PHONE("phone", "xsd:string"),
    URL("url", "xsd:string"),
    BOOLEAN("boolean", "xsd:boolean"),
    INT("int", "xsd:int"),
    DOUBLE("double", "xsd:double"),
    CURRENCY("currency", "xsd:double"),
    PERCENT("percent", "xsd:double"),
    DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime"),
    REFERENCE("reference", "tns:ID"),
    BASE64("base64", "xsd:base64Binary");

    /** The length of a Bulk CSV date-time of the years 0 to 9999. */
    public static final int CSV_DATETIME_LENGTH = 24;

    private static final DateTimeFormatter REST_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CSV_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String apiName;
    private final String soapType;

    FieldType(String apiName, String soapType) {
        this.apiName = apiName;
        this.soapType = soapType;
    }

    public String apiName() {
        return apiName;
    }

    public String soapType() {
        return soapType;
    }

    public static FieldType fromApiName(String name) {
        for (FieldType t : values()) {
            if (t.apiName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    public boolean isText() {
        return switch (this) {
            case ID, STRING, TEXTAREA, PICKLIST, EMAIL, PHONE, URL, REFERENCE -> true;
            default -> false;
        };
    }

    public boolean isNumber() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }

    /** The value as it appears in REST JSON (strings for dates, numbers and booleans as JSON scalars). */
    public Object toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return formatRestDateTime(instant);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value;
    }

    /** The value as Bulk API 2.0 writes it into a CSV cell, before quoting. */
    public String toCsv(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return formatCsvDateTime(instant);
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue()) + ".0" : d.toString();
        }
        return value.toString();
    }

    /** yyyy-MM-ddTHH:mm:ss.SSSZ without a formatter: this runs once per date cell of every Bulk row. */
    static String formatCsvDateTime(Instant instant) {
        byte[] out = new byte[CSV_DATETIME_LENGTH];
        return writeCsvDateTime(instant, out, 0) < 0 ? CSV_DATETIME.format(instant) : new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * Writes the instant as yyyy-MM-ddTHH:mm:ss.SSSZ (ASCII) at out[at], for writers that format into their own buffer.
     *
     * @return the index after it, or -1 (nothing written) for a year outside 0 to 9999, which only the formatter writes
     */
    public static int writeCsvDateTime(Instant instant, byte[] out, int at) {
        long millis = instant.toEpochMilli();
        long days = Math.floorDiv(millis, 86_400_000L);
        int msOfDay = (int) Math.floorMod(millis, 86_400_000L);
        LocalDate date = LocalDate.ofEpochDay(days);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        digits(out, at, year, 4);
        out[at + 4] = '-';
        digits(out, at + 5, date.getMonthValue(), 2);
        out[at + 7] = '-';
        digits(out, at + 8, date.getDayOfMonth(), 2);
        out[at + 10] = 'T';
        digits(out, at + 11, msOfDay / 3_600_000, 2);
        out[at + 13] = ':';
        digits(out, at + 14, msOfDay / 60_000 % 60, 2);
        out[at + 16] = ':';
        digits(out, at + 17, msOfDay / 1000 % 60, 2);
        out[at + 19] = '.';
        digits(out, at + 20, msOfDay % 1000, 3);
        out[at + 23] = 'Z';
        return at + CSV_DATETIME_LENGTH;
    }

    private static void digits(byte[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String formatRestDateTime(Instant instant) {
        return REST_DATETIME.format(instant);
    }
}
