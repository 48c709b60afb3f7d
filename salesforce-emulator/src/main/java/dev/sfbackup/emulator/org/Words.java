package dev.sfbackup.emulator.org;

import java.util.List;

/** Vocabulary of generated records; some entries carry commas, quotes and apostrophes on purpose (CSV edge cases). */
final class Words {

    static final List<String> FIRST_NAMES = List.of("Ada", "Ben", "Chloé", "Dmitri", "Elena", "Farid", "Grace", "Hiro",
            "Ines", "Jamal", "Kai", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma",
            "Viktor", "Wen", "Ximena", "Yusuf", "Zoe");
    static final List<String> LAST_NAMES = List.of("Anders", "Brown", "Castillo", "Dubois", "Eriksen", "Fischer", "García",
            "Hughes", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Müller", "Nakamura", "O'Brien", "Patel", "Quintero",
            "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Williams", "Xu", "Yilmaz", "Zhang");
    static final List<String> COMPANY_WORDS = List.of("Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell",
            "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Wonka", "Gringotts", "Monarch", "Aperture", "Oscorp", "Nakatomi",
            "Massive Dynamic", "Blue Sun", "Pied Piper");
    static final List<String> COMPANY_SUFFIXES = List.of("Inc.", "LLC", "GmbH", "Ltd", ", Inc.", "& Sons", "Holdings, Ltd",
            "\"Premium\" Services", "AG", "S.A.");
    static final List<String> CITIES = List.of("Berlin", "Lisbon", "San Francisco", "Tokyo", "Nairobi", "São Paulo",
            "Toronto", "Sydney", "Mumbai", "Oslo", "Austin", "Dublin");
    static final List<String> TITLES = List.of("CEO", "CFO", "VP Sales", "Buyer", "Engineer", "Office Manager",
            "Director, Operations", "Analyst");
    static final List<String> INDUSTRIES = List.of("Agriculture", "Banking", "Biotechnology", "Chemicals", "Communications",
            "Construction", "Consulting", "Education", "Electronics", "Energy", "Healthcare", "Insurance", "Retail", "Technology");
    static final List<String> ACCOUNT_TYPES = List.of("Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other");
    static final List<String> STAGES = List.of("Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
            "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost");
    static final List<String> CASE_STATUSES = List.of("New", "Working", "Escalated", "Closed");
    static final List<String> PRIORITIES = List.of("High", "Medium", "Low");
    static final List<String> ORIGINS = List.of("Phone", "Email", "Web");
    static final List<String> SUBJECTS = List.of("Cannot log in", "Invoice is wrong", "Shipment delayed",
            "Feature request: export, \"bulk\" mode", "Password reset", "Data looks stale", "Printer on fire");
    static final List<String> SENTENCE_WORDS = List.of("the", "customer", "asked", "about", "renewal", "pricing", "and",
            "support", "hours", "contract", "was", "signed", "after", "a", "long", "review", "quote", "includes",
            "discount", "for", "volume", "orders", "follow", "up", "next", "week");
    /** The same words, each with its first letter upper-case: the first word of a text. */
    private static final List<String> CAPITALIZED_SENTENCE_WORDS = SENTENCE_WORDS.stream()
            .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1)).toList();
    static final List<String> FILE_EXTENSIONS = List.of("pdf", "docx", "xlsx", "png", "jpg", "csv", "txt");
    static final List<String> ATTRIBUTE_NAMES = List.of("Color", "Size", "Voltage", "Warranty", "Firmware", "Region");
    static final List<String> MEMBER_TYPES = List.of("User", "Group");

    private Words() {
    }

    static String pick(List<String> words, long noise) {
        return words.get(Noise.below(noise, words.size()));
    }

    /** A short text of one to three sentences; every seventh text spans lines and quotes a phrase. */
    static String text(long noise, int maxWords) {
        int words = 4 + Noise.below(noise, Math.max(1, maxWords - 4));
        StringBuilder text = new StringBuilder(words * 9 + 48);
        long bits = noise;
        for (int i = 0; i < words; i++) {
            bits = Noise.mix(bits + i);
            text.append(pick(i == 0 ? CAPITALIZED_SENTENCE_WORDS : SENTENCE_WORDS, bits));
            if (i == words - 1) {
                text.append('.');
            } else if (i % 5 == 4) {
                text.append(", ");
            } else {
                text.append(' ');
            }
        }
        if (Noise.below(noise >>> 8, 7) == 0) {
            text.append("\nNote: customer said \"call me back\", twice.");
        }
        return text.toString();
    }
}
