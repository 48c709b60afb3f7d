package dev.sfbackup.session.restore.execute;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** SOQL text from ids a restore read from storage, which it checks before quoting. */
final class Soql {

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

    private Soql() {
    }

    static String idList(Collection<String> ids) {
        return ids.stream().filter(id -> RECORD_ID.matcher(id).matches()).map(id -> "'" + id + "'")
                .collect(Collectors.joining(","));
    }

    static boolean isRecordId(String text) {
        return text != null && RECORD_ID.matcher(text).matches();
    }
}
