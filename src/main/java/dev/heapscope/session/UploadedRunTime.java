package dev.heapscope.session;

/**
 * An estimate of a tool's run on a board (the agent, the profiler), in two parts: the tool's upload, typed only
 * when the board's flash does not already hold it ({@link ScriptUpload#sendUnlessPresent}), and the rest (the
 * probe that finds out, the run and what it prints).
 *
 * @param uploadSeconds typing the tool into flash and reading it back
 * @param runSeconds    everything else
 */
public record UploadedRunTime(double uploadSeconds, double runSeconds) {
    /** Seconds in all, with the upload or without it. */
    public double total(boolean uploading) {
        return runSeconds + (uploading ? uploadSeconds : 0);
    }
}
