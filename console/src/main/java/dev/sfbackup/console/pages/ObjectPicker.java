package dev.sfbackup.console.pages;

import dev.sfbackup.api.session.OrgObjectView;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The org's objects beside the policy form's object list: searched, checked one by one or all shown at once (the page's
 * script keeps the list input in step). Read from session-service's describeGlobal of the chosen connection; error says
 * why there is no list (no connection chosen yet, the org unreachable), and the list input still works without it.
 */
public record ObjectPicker(List<Choice> objects, String error) {

    /** An object as offered: checked when the list input names it; search: what the search box matches. */
    public record Choice(OrgObjectView object, boolean checked, String search) {
    }

    static ObjectPicker none(String why) {
        return new ObjectPicker(List.of(), why);
    }

    /** typed: the form's list input ("all", or names separated by commas or spaces). */
    static ObjectPicker of(List<OrgObjectView> objects, String typed) {
        Set<String> chosen = chosen(typed);
        return new ObjectPicker(objects.stream().map(o -> new Choice(o, checked(o, chosen),
                (o.name() + " " + (o.label() == null ? "" : o.label())).toLowerCase(Locale.ROOT))).toList(), null);
    }

    static Set<String> chosen(String typed) {
        if (typed == null || typed.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(typed.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Checked when listed (ignoring case), or when the list is "all" and a backup reads the object. */
    static boolean checked(OrgObjectView object, Set<String> chosen) {
        return chosen.contains(object.name().toLowerCase(Locale.ROOT)) || chosen.contains("all") && object.backedUp();
    }
}
