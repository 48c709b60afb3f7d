package dev.sfbackup.emulator.org;

import java.util.LinkedHashMap;
import java.util.Map;

/** What an org is generated from: the seed, the record count of each object and the files. */
public record OrgSpec(long seed, Map<String, Integer> objects, int fileCount, int fileMeanBytes) {

    /** Record counts of the demo org: small enough that a quickstart backup takes seconds. */
    public static final Map<String, Integer> DEMO_COUNTS = demoCounts();

    public OrgSpec {
        objects = Map.copyOf(objects);
    }

    public int count(String object) {
        if (object.equals("ContentVersion")) {
            return objects.getOrDefault(object, fileCount);
        }
        return objects.getOrDefault(object, DEMO_COUNTS.getOrDefault(object, 0));
    }

    private static Map<String, Integer> demoCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("User", 25);
        counts.put("Account", 2000);
        counts.put("Contact", 5000);
        counts.put("Opportunity", 3000);
        counts.put("Case", 4000);
        counts.put("Attachment", 20);
        counts.put("AssetAttribute", 1500);
        counts.put("ContentWorkspaceMember", 300);
        return Map.copyOf(counts);
    }
}
