package dev.heapscope.model;

/**
 * The three text forms in which ESP-IDF prints a standalone heap trace dump.
 * See docs/heap-trace-format.md.
 */
public enum Dialect {
    /** ESP-IDF v3.0 – v5.0.x: {@code N allocations trace (M entry buffer)}, no end marker. */
    A,
    /** ESP-IDF v5.1 – v5.4.x: framed with {@code ====== Heap Trace ...} and a summary block. */
    B,
    /** ESP-IDF v5.5+: B plus the {@code  freed} suffix and no dangling {@code caller}. */
    C;

    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("v?(\\d+)(?:\\.(\\d+))?");

    /**
     * The dialect an ESP-IDF version prints ({@code v4.4.7}, {@code 5.1.3}, {@code v6.0-dev}, {@code release/v5.1}): v3.0–v5.0 A,
     * v5.1–v5.4 B, v5.5 and later C (heap-trace-format.md §1). Empty when the text is no version, or is a
     * bare {@code 5}, which could be any of the three.
     */
    public static java.util.Optional<Dialect> printedBy(String idfVersion) {
        if (idfVersion == null) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = VERSION.matcher(idfVersion.strip());
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        if (major != 5) {
            return java.util.Optional.of(major < 5 ? A : C);
        }
        if (m.group(2) == null) {
            return java.util.Optional.empty();
        }
        int minor = Integer.parseInt(m.group(2));
        return java.util.Optional.of(minor == 0 ? A : minor <= 4 ? B : C);
    }
}
