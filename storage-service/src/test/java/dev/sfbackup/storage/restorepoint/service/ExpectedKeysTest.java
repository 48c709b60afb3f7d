package dev.sfbackup.storage.restorepoint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpectedKeysTest {

    @Test
    void findsEachKeyWhetherItIsTheExpectedOneOrNotAndOnlyThatKey() {
        // keys shorter and longer than a word, prefixes of each other, escaped, at the end of short records
        List<String> names = new ArrayList<>(List.of("I", "Id", "Ids", "Name", "Name__c", "Name__cc", "Name__ccc",
                "AnnualRevenue", "AnnualRevenue2", "Quote\\\"Key", "Back\\\\slash", "Ümlaut__c", "BillingStreetAndMore"));
        Map<String, Integer> ids = new HashMap<>();
        ExpectedKeys keys = new ExpectedKeys();
        Random random = new Random(20);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder json = new StringBuilder("{");
            List<String> record = new ArrayList<>();
            for (String name : names) {
                if (random.nextInt(3) > 0) {
                    json.append(record.isEmpty() ? "" : ",").append('"').append(name).append("\":1");
                    record.add(name);
                }
            }
            byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
            int previous = ExpectedKeys.NONE;
            int p = 1;
            for (String name : record) {
                int length = name.getBytes(StandardCharsets.UTF_8).length;
                int key = keys.expected(previous, bytes, p + 1);
                if (key == ExpectedKeys.NONE) {
                    key = keys.find(bytes, p + 1, p + 1 + length);
                    if (key == ExpectedKeys.NONE) {
                        key = keys.add(bytes, p + 1, p + 1 + length, name.hashCode());
                    }
                    keys.follows(previous, key);
                }
                assertEquals(ids.computeIfAbsent(name, n -> ids.size()), key, name + " in " + new String(bytes, StandardCharsets.UTF_8));
                assertEquals(name.hashCode(), keys.value(key));
                assertEquals(length, keys.length(key));
                previous = key;
                p += length + 5; // the key's quotes, the colon, the value and the comma
            }
        }
    }
}
