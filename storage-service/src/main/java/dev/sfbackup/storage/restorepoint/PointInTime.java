package dev.sfbackup.storage.restorepoint;

/**
 * A resolved read position in one version chain: versions with seq at or below are visible. streamId is null when
 * the object was never backed up by the policy at that time (the state is empty).
 */
public record PointInTime(Long streamId, long seq) {

    public static PointInTime empty() {
        return new PointInTime(null, -1);
    }

    public boolean isEmpty() {
        return streamId == null;
    }
}
