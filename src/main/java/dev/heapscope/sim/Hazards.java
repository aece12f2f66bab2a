package dev.heapscope.sim;

/**
 * Real-board failures the simulator reproduces (docs/nodemcu-console.md "Known hazards"). The two
 * firmware bugs are on in every built-in profile, as on every real board; the watchdog on long dumps
 * depends on timing and is opt-in.
 *
 * @param resumeBeforeStartCrashes     {@code resume()} after {@code init} but before any {@code start}
 *                                     panics the board on the next allocation (IDF 5.1)
 * @param dumpAfterReinitPrintsGarbage {@code dump()} between a second {@code init} and the next
 *                                     {@code start} walks the freed old buffer and prints garbage
 * @param longDumpTripsWatchdog        a B/C dump longer than about 300 ms of text at the board's
 *                                     baud rate stops mid-line with an interrupt-watchdog panic
 */
public record Hazards(boolean resumeBeforeStartCrashes, boolean dumpAfterReinitPrintsGarbage,
                      boolean longDumpTripsWatchdog) {
    public static final Hazards NONE = new Hazards(false, false, false);
    /** What every built-in profile has: the firmware bugs, not the timing-dependent watchdog. */
    public static final Hazards FIRMWARE_BUGS = new Hazards(true, true, false);
    public static final Hazards ALL = new Hazards(true, true, true);
}
