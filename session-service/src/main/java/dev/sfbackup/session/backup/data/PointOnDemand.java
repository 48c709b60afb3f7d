package dev.sfbackup.session.backup.data;

import dev.sfbackup.api.storage.RestorePointView;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The restore point a data task writes into, open already or opened by the first call that stores something into it
 * (batches are uploaded by several threads, so the first of them opens it and the others wait for it).
 */
final class PointOnDemand {

    private final Supplier<RestorePointView> opener;
    private RestorePointView point;

    private PointOnDemand(RestorePointView point, Supplier<RestorePointView> opener) {
        this.point = point;
        this.opener = opener;
    }

    static PointOnDemand open(RestorePointView point) {
        return new PointOnDemand(point, null);
    }

    static PointOnDemand onFirstUse(Supplier<RestorePointView> opener) {
        return new PointOnDemand(null, opener);
    }

    /** The point, opened now when it was not yet. */
    synchronized RestorePointView get() {
        if (point == null) {
            point = opener.get();
        }
        return point;
    }

    /** The point when it is open; empty when nothing opened it. */
    synchronized Optional<RestorePointView> ifOpen() {
        return Optional.ofNullable(point);
    }
}
