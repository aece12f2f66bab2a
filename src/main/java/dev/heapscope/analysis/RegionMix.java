package dev.heapscope.analysis;

import dev.heapscope.model.Region;

/** Where the blocks of a group of records live: all in one region, none labelled, or a mix. */
public enum RegionMix {
    INTERNAL,
    PSRAM,
    /** No record carried a region label (dialect A). */
    UNKNOWN,
    /** The records do not all share one label (labelled and unlabelled count as different). */
    MIXED;

    static RegionMix of(Region region) {
        if (region == null) {
            return UNKNOWN;
        }
        return region == Region.PSRAM ? PSRAM : INTERNAL;
    }

    /** The mix of a group that was {@code this} and gained a record labelled {@code region}. */
    RegionMix with(Region region) {
        return of(region) == this ? this : MIXED;
    }
}
