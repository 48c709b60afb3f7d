package dev.sfbackup.storage.file.rest;

/** One HTTP byte range [from, to) (RFC 9110); multi-range requests are served whole. */
record ByteRange(long from, long to) {

    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    /** @return null when the whole content is to be served */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                return suffix <= 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - suffix), size);
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? size : Math.min(Long.parseLong(last) + 1, size);
            return from >= size || to <= from ? UNSATISFIABLE : new ByteRange(from, to);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
