package dev.sfbackup.emulator.org;

/** Deterministic 64-bit mixing (SplitMix64 finaliser): the only source of randomness of generated data. */
public final class Noise {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Noise() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public static long of(long... parts) {
        return mix(absorb(GOLDEN_GAMMA, parts));
    }

    /**
     * The state after mixing in the first parts of many {@link #of} calls alike, so that
     * {@code of(a, b, c, d) == ofPrefix(prefix(a, b), c, d)} costs only the mixing of c and d.
     */
    public static long prefix(long... parts) {
        return absorb(GOLDEN_GAMMA, parts);
    }

    public static long ofPrefix(long prefix, long... parts) {
        return mix(absorb(prefix, parts));
    }

    private static long absorb(long state, long... parts) {
        long h = state;
        for (long p : parts) {
            h = mix(h ^ p) + GOLDEN_GAMMA;
        }
        return h;
    }

    public static long ofName(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return mix(h);
    }

    /** A value in [0, bound) taken from the given bits. */
    public static int below(long noise, int bound) {
        return (int) Math.floorMod(noise, (long) bound);
    }
}
