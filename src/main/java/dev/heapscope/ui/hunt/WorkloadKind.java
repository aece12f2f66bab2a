package dev.heapscope.ui.hunt;

/** The kinds of workload a hunt can run between its two dumps, and on which target each makes sense. */
public enum WorkloadKind {
    /** A bundled example scenario (virtual board only). */
    SCENARIO("", true, false),
    /** The user's own .lua file or project folder, loaded into the virtual board's flash. */
    PROJECT("Lua project…", true, false),
    LUA_LINE("Lua line", true, true),
    FILE_ON_BOARD("File on the board", true, true),
    /** A local .lua file uploaded through the console (a real board has no other way in). */
    UPLOAD("Upload a .lua file", false, true),
    USE_DEVICE("Use the device now", true, true);

    private final String label;
    private final boolean onSimulator;
    private final boolean onSerial;

    WorkloadKind(String label, boolean onSimulator, boolean onSerial) {
        this.label = label;
        this.onSimulator = onSimulator;
        this.onSerial = onSerial;
    }

    public String label() {
        return label;
    }

    public boolean offeredOn(boolean simulator) {
        return simulator ? onSimulator : onSerial;
    }
}
