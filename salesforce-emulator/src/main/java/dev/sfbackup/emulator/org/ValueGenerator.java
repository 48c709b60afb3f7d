package dev.sfbackup.emulator.org;

/**
 * Computes the generated value of one field of one record. Must be a pure function of its arguments, so that the
 * same seed always yields the same org.
 */
@FunctionalInterface
public interface ValueGenerator {

    /**
     * @param record the record being read (to derive a value from other fields)
     * @param noise  64 random bits fixed for this record, field and revision
     */
    Object generate(RecordView record, long noise);
}
