package dev.sfbackup.storage.export.service;

import java.util.ArrayList;
import java.util.List;

/** Entry names of an export ZIP: a stored name never escapes its folder, whatever the org called a file. */
final class ZipEntryNames {

    private ZipEntryNames() {
    }

    /** files/&lt;ContentVersion id&gt;/&lt;title&gt;: the id keeps two files of one title apart. */
    static String file(String sourceId, String name) {
        String title = segment(name == null ? "" : name.replace('/', '_').replace('\\', '_'));
        return "files/" + segment(sourceId) + "/" + (title.isEmpty() ? segment(sourceId) : title);
    }

    /** metadata/&lt;package name&gt;, keeping the package's own folders (sobjects/Account.json). */
    static String metadata(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.split("[/\\\\]")) {
            String clean = segment(part);
            if (!clean.isEmpty()) {
                parts.add(clean);
            }
        }
        return "metadata/" + String.join("/", parts);
    }

    private static String segment(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(c < 0x20 || c == 0x7F || ":*?\"<>|/\\".indexOf(c) >= 0 ? '_' : c);
        }
        String result = clean.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        return result;
    }
}
