package dev.sfbackup.session.restore.execute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** SOQL text from ids a restore read from storage, which it checks before quoting. */
final class Soql {

    /** Characters of ids (quoted, comma-separated) one query's IN list holds. */
    static final int MAX_ID_LIST = 1500;

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

    private Soql() {
    }

    /**
     * The longest IN list {@link #slices} makes, as a URL carries it: 15-character ids, so the most quotes and commas
     * (three characters each once encoded).
     */
    static String longestIdList() {
        return idList(slices(Collections.nCopies(MAX_ID_LIST, "000000000000000"), MAX_ID_LIST).getFirst());
    }

    static String idList(Collection<String> ids) {
        return ids.stream().filter(id -> RECORD_ID.matcher(id).matches()).map(id -> "'" + id + "'")
                .collect(Collectors.joining(","));
    }

    /**
     * The ids in slices whose IN lists stay within {@code maxChars}: a query travels in the URL of a GET, and orgs
     * refuse request lines beyond a few kilobytes (414).
     */
    static List<List<String>> slices(Collection<String> ids, int maxChars) {
        List<List<String>> slices = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String id : ids) {
            if (!RECORD_ID.matcher(id).matches()) {
                continue;
            }
            if (!current.isEmpty() && length + id.length() + 3 > maxChars) {
                slices.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            current.add(id);
            length += id.length() + 3;
        }
        if (!current.isEmpty()) {
            slices.add(current);
        }
        return slices;
    }

    static boolean isRecordId(String text) {
        return text != null && RECORD_ID.matcher(text).matches();
    }
}
