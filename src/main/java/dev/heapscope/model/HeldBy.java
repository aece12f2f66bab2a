package dev.heapscope.model;

import java.util.Optional;

/**
 * What holds the block of a record alive, where the source knows it (the virtual board does, from Lua
 * reachability at the moment it printed the dump; a real board's dump does not say). Thread-safe.
 */
@FunctionalInterface
public interface HeldBy {
    HeldBy UNKNOWN = record -> Optional.empty();

    Optional<RetainingPath> pathOf(Record record);
}
