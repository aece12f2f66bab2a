package dev.heapscope.session;

import com.fasterxml.jackson.core.JacksonException;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.RetainingPath;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code snapshots.json}: the heap snapshots a session showed in Retained by (the virtual board's own, whose exact
 * sizes exist nowhere else, and the agent's, with the labels, numbers and INCOMPLETE marks they were shown with).
 * Stored whole rather than re-read from the transcript: the labels and numbers are not in it, and the list must
 * come back exactly as it was shown. Column arrays and shared path and step tables keep the entry a few bytes per
 * object. A session file is hostile input: the entry is bounded in bytes, snapshots, objects, paths and text, and
 * anything malformed is refused in one line naming the entry.
 */
final class HeapSnapshotsJson {
    static final int VERSION = 1;
    /**
     * About 80 bytes an object whose path is new, 20 for one whose path an earlier snapshot had: 400,000 objects
     * at least, where a board's Lua heap holds a few thousand. Reading the heaviest entry this allows (every
     * object a path of its own) takes about 350 MB; see docs/RELIABILITY.md.
     */
    static final int MAX_BYTES = 32 << 20;
    static final int MAX_SNAPSHOTS = 4096;
    /** Objects of all snapshots together. */
    static final int MAX_OBJECTS = 1 << 20;
    static final int MAX_TABLE = 1 << 20;
    static final int MAX_TEXT = 4096;
    static final int MAX_STEPS = 1024;
    private static final int MAX_TYPES = 64;
    private static final String CUT = "\u2026";

    private HeapSnapshotsJson() {
    }

    record PathEntry(int[] steps, String concrete) {
    }

    /** One snapshot; object {@code i} is {@code addresses[i]}, {@code sizes[i]}, {@code types[typeOf[i]]}, {@code paths[pathOf[i]]}. */
    record SnapshotEntry(int number, String label, long atMicros, int[] addresses, int[] sizes, int[] typeOf,
                         int[] pathOf) {
    }

    record Entry(int version, List<String> types, List<String> steps, List<PathEntry> paths,
                 List<SnapshotEntry> snapshots) {
    }

    /**
     * The entry for {@code snapshots}, never larger than a reader accepts: when they are too many for the bounds,
     * the oldest are left out (the newest are the ones compared last). Texts over the bound are cut, marked.
     */
    static byte[] write(List<HeapSnapshot> snapshots) throws IOException {
        List<HeapSnapshot> kept = newestWithin(snapshots);
        while (true) {
            Entry entry = entryOf(kept);
            byte[] json = SessionJson.writeCompact(entry);
            if (kept.isEmpty() || json.length <= MAX_BYTES && entry.steps().size() <= MAX_TABLE
                    && entry.types().size() <= MAX_TYPES) {
                return json;
            }
            kept = kept.subList(1, kept.size());
        }
    }

    private static List<HeapSnapshot> newestWithin(List<HeapSnapshot> snapshots) {
        long objects = 0;
        int from = snapshots.size();
        while (from > 0 && snapshots.size() - from < MAX_SNAPSHOTS
                && objects + snapshots.get(from - 1).objects().size() <= MAX_OBJECTS) {
            objects += snapshots.get(--from).objects().size();
        }
        return snapshots.subList(from, snapshots.size());
    }

    private static Entry entryOf(List<HeapSnapshot> snapshots) {
        Map<String, Integer> types = new HashMap<>();
        Map<String, Integer> steps = new HashMap<>();
        Map<RetainingPath, Integer> paths = new HashMap<>();
        List<String> typeList = new ArrayList<>();
        List<String> stepList = new ArrayList<>();
        List<PathEntry> pathList = new ArrayList<>();
        List<SnapshotEntry> entries = new ArrayList<>();
        for (HeapSnapshot snapshot : snapshots) {
            int n = snapshot.objects().size();
            int[] addresses = new int[n];
            int[] sizes = new int[n];
            int[] typeOf = new int[n];
            int[] pathOf = new int[n];
            for (int i = 0; i < n; i++) {
                HeapSnapshot.HeapObject object = snapshot.objects().get(i);
                addresses[i] = object.address();
                sizes[i] = Math.max(0, object.sizeBytes());
                typeOf[i] = types.computeIfAbsent(fit(object.type(), 32), t -> add(typeList, t));
                pathOf[i] = paths.computeIfAbsent(object.path(), p -> add(pathList, pathEntry(p, steps, stepList)));
            }
            entries.add(new SnapshotEntry(snapshot.number(), snapshot.label() == null ? null : fit(snapshot.label(), MAX_TEXT),
                    snapshot.atMicros(), addresses, sizes, typeOf, pathOf));
        }
        return new Entry(VERSION, typeList, stepList, pathList, entries);
    }

    private static PathEntry pathEntry(RetainingPath path, Map<String, Integer> steps, List<String> stepList) {
        List<String> segments = path.segments();
        if (segments.size() > MAX_STEPS) { // far deeper than any path a collector reports; the end is what tells
            List<String> shorter = new ArrayList<>(segments.subList(0, MAX_STEPS / 2 - 1));
            shorter.add(" " + CUT + (segments.size() - MAX_STEPS + 1) + " more" + CUT + " ");
            shorter.addAll(segments.subList(segments.size() - MAX_STEPS / 2, segments.size()));
            segments = shorter;
        }
        int[] indices = new int[segments.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = steps.computeIfAbsent(fit(segments.get(i), MAX_TEXT), s -> add(stepList, s));
        }
        return new PathEntry(indices, fit(path.concrete(), MAX_TEXT));
    }

    private static <T> int add(List<T> list, T value) {
        list.add(value);
        return list.size() - 1;
    }

    private static String fit(String text, int max) {
        String value = text == null ? "?" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + CUT;
    }

    /** The snapshots of an entry, in the order they were shown; a one-line IOException naming the entry when malformed. */
    static List<HeapSnapshot> read(byte[] json) throws IOException {
        if (json.length > MAX_BYTES) {
            throw malformed("it is larger than the " + (MAX_BYTES >> 20) + " MiB it may hold");
        }
        Entry entry;
        try {
            entry = SessionJson.read(json, Entry.class);
        } catch (JacksonException e) {
            throw new IOException(JsonProblem.describe(SessionJson.HEAP_SNAPSHOTS, e));
        }
        if (entry == null) {
            throw new IOException(SessionJson.HEAP_SNAPSHOTS + " is empty");
        }
        if (entry.version() > VERSION) {
            throw new IOException(SessionJson.HEAP_SNAPSHOTS + " was written by a newer HeapScope (its version "
                    + entry.version() + "; this one reads " + VERSION + " and older)");
        }
        if (entry.version() < 1) {
            throw malformed("it has no valid version");
        }
        List<String> types = texts(entry.types(), MAX_TYPES, 32, "types");
        List<String> steps = texts(entry.steps(), MAX_TABLE, MAX_TEXT, "path steps");
        List<RetainingPath> paths = paths(entry.paths(), steps);
        List<SnapshotEntry> listed = entry.snapshots() == null ? List.of() : entry.snapshots();
        if (listed.size() > MAX_SNAPSHOTS) {
            throw malformed("more than " + MAX_SNAPSHOTS + " snapshots");
        }
        long objects = 0;
        for (SnapshotEntry snapshot : listed) {
            if (snapshot == null || snapshot.addresses() == null) {
                throw malformed("a snapshot has no objects listed");
            }
            objects += snapshot.addresses().length;
        }
        if (objects > MAX_OBJECTS) {
            throw malformed("more than " + MAX_OBJECTS + " objects in all");
        }
        List<HeapSnapshot> snapshots = new ArrayList<>(listed.size());
        for (SnapshotEntry snapshot : listed) {
            snapshots.add(snapshot(snapshot, types, paths));
        }
        return List.copyOf(snapshots);
    }

    private static HeapSnapshot snapshot(SnapshotEntry entry, List<String> types, List<RetainingPath> paths)
            throws IOException {
        int n = entry.addresses().length;
        if (entry.sizes() == null || entry.typeOf() == null || entry.pathOf() == null || entry.sizes().length != n
                || entry.typeOf().length != n || entry.pathOf().length != n) {
            throw malformed("snapshot #" + entry.number() + " lists its objects' columns with different lengths");
        }
        if (entry.number() < 1 || entry.label() != null && entry.label().length() > MAX_TEXT) {
            throw malformed("a snapshot has no valid number, or a label longer than " + MAX_TEXT + " characters");
        }
        List<HeapSnapshot.HeapObject> objects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int type = entry.typeOf()[i];
            int path = entry.pathOf()[i];
            if (entry.sizes()[i] < 0 || type < 0 || type >= types.size() || path < 0 || path >= paths.size()) {
                throw malformed("object " + (i + 1) + " of snapshot #" + entry.number()
                        + " has a negative size or names a type or path the entry does not hold");
            }
            objects.add(new HeapSnapshot.HeapObject(entry.addresses()[i], entry.sizes()[i], types.get(type),
                    paths.get(path)));
        }
        return new HeapSnapshot(entry.number(), entry.label(), entry.atMicros(), objects);
    }

    private static List<RetainingPath> paths(List<PathEntry> entries, List<String> steps) throws IOException {
        if (entries == null) {
            return List.of();
        }
        if (entries.size() > MAX_TABLE) {
            throw malformed("more than " + MAX_TABLE + " retaining paths");
        }
        List<RetainingPath> paths = new ArrayList<>(entries.size());
        for (PathEntry entry : entries) {
            if (entry == null || entry.steps() == null || entry.steps().length == 0 || entry.steps().length > MAX_STEPS
                    || entry.concrete() == null || entry.concrete().length() > MAX_TEXT) {
                throw malformed("a retaining path has no steps, more than " + MAX_STEPS
                        + ", or no spelling of its own of at most " + MAX_TEXT + " characters");
            }
            List<String> segments = new ArrayList<>(entry.steps().length);
            for (int step : entry.steps()) {
                if (step < 0 || step >= steps.size()) {
                    throw malformed("a retaining path names a step the entry does not hold");
                }
                segments.add(steps.get(step));
            }
            paths.add(new RetainingPath(segments, entry.concrete()));
        }
        return paths;
    }

    private static List<String> texts(List<String> texts, int maxEntries, int maxLength, String what) throws IOException {
        if (texts == null) {
            return List.of();
        }
        if (texts.size() > maxEntries) {
            throw malformed("more than " + maxEntries + " " + what);
        }
        for (String text : texts) {
            if (text == null || text.length() > maxLength) {
                throw malformed("one of its " + what + " is missing or longer than " + maxLength + " characters");
            }
        }
        return texts;
    }

    private static IOException malformed(String why) {
        return new IOException(SessionJson.HEAP_SNAPSHOTS + " is malformed: " + why);
    }
}
