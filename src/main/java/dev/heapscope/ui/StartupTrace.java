package dev.heapscope.ui;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * Where the app's start-up time goes, printed when {@code -Dheapscope.startupTrace=true}: one line per
 * milestone on standard error, {@code heapscope-startup <ms since JVM start> <epoch ms> <CPU ms> <milestone>}.
 * The epoch time lets a script that noted when it launched the process count the JVM's own boot too,
 * which the JVM's start time leaves out (src/bench/scripts/startup.sh); the process' CPU time (all threads:
 * JIT, GC, the render thread) is what a machine busy with other work cannot inflate the way it inflates wall time.
 *
 * <p>Off by default and then free: one boolean test per milestone. The stream is taken when the first
 * milestone is marked, before the launcher holds standard error back while JavaFX starts.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("heapscope.startupTrace");
    private static final Set<String> MARKED = new HashSet<>();
    private static PrintStream out;

    private StartupTrace() {
    }

    public static boolean on() {
        return ON;
    }

    /** Notes a milestone once (later marks of the same one are ignored: a view built twice, a second window). */
    public static synchronized void mark(String milestone) {
        if (!ON || !MARKED.add(milestone)) {
            return;
        }
        if (out == null) {
            out = System.err;
        }
        long now = System.currentTimeMillis();
        long sinceJvmStart = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        out.println("heapscope-startup " + sinceJvmStart + " " + now + " " + cpu + " " + milestone);
        out.flush();
    }
}
