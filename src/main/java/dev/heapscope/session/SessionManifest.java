package dev.heapscope.session;

import java.util.List;

/**
 * What a saved session says about itself ({@code manifest.json}): enough to tell what it is before
 * reading the transcript, and whether this HeapScope can read it.
 *
 * @param formatVersion    the layout of the file; {@link #FORMAT_VERSION} is the newest this code reads
 * @param createdAt        ISO-8601 instant the session started (autosave) or was saved
 * @param heapscopeVersion the HeapScope that wrote it
 * @param board            what the session was connected to ("Simulator (esp32-devkitc)", "/dev/ttyUSB0")
 * @param profile          board profile name, null when unknown (a real board)
 * @param dialects         dump dialects seen, in order of first appearance
 * @param elfPath          the firmware ELF used for symbols, null when none
 * @param elfSha256        hex SHA-256 of that ELF when it was saved, null when unknown
 * @param transcriptBytes  size of {@code transcript.bin}
 */
public record SessionManifest(int formatVersion, String createdAt, String heapscopeVersion, String board,
                              String profile, List<String> dialects, String elfPath, String elfSha256,
                              int dumpCount, int markerCount, int sampleCount, int commandCount,
                              long transcriptBytes) {
    public static final int FORMAT_VERSION = 1;
    public static final String HEAPSCOPE_VERSION = "0.1.0";

    public SessionManifest {
        dialects = dialects == null ? List.of() : List.copyOf(dialects);
    }
}
