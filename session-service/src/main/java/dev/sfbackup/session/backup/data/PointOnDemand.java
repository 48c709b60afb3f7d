package dev.sfbackup.session.backup.data;

import dev.sfbackup.api.storage.RestorePointView;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The restore point a data task writes into, open already or opened by the first call that stores something into it
 * (batches are uploaded by several threads, so the first of them opens it and the others wait for it). An open that
 * failed is not tried again: the uploads that waited for it get its failure at once instead of each spending the
 * storage client's retries on an open of its own.
 */
final class PointOnDemand {

    private final Supplier<RestorePointView> opener;
    private RestorePointView point;
    private RuntimeException failedOpen;

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
            if (failedOpen != null) {
                throw failedOpen;
            }
            try {
                point = opener.get();
            } catch (RuntimeException failure) {
                failedOpen = failure;
                throw failure;
            }
        }
        return point;
    }

    /** The point when it is open; empty when nothing opened it. */
    synchronized Optional<RestorePointView> ifOpen() {
        return Optional.ofNullable(point);
    }
}
