package dev.heapscope.bench;

import dev.heapscope.ui.common.CanvasPane;
import javafx.application.Platform;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times a view's canvas redraws on the FX thread (headless Monocle unless told otherwise): each redraw is
 * {@link CanvasPane#repaint()}, as a resize or a theme change does, spaced a frame (16 ms) apart as a
 * user's would be; 100 warm up, then {@code -Dredraws} (300) are timed idle and as many under
 * {@link BackgroundLoad}. Reports p50/p99/worst, the bytes the FX thread allocated per redraw
 * ({@code ThreadMXBean.getCurrentThreadAllocatedBytes}) and the collections that ran meanwhile.
 */
public final class RedrawTiming {
    private static final int WARM_UP = 100;
    private static boolean started; // JavaFX starts once per JVM: BenchRunner times several views

    private RedrawTiming() {
    }

    /** Starts JavaFX, headless by default, on a screen big enough for a 1,400 px window. */
    public static synchronized void startFx() throws Exception {
        if (started) {
            return;
        }
        started = true;
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "1600x1000-32"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
    }

    /** Ends JavaFX unless {@code args} holds {@code keep-fx} (another view is timed next in this JVM). */
    public static void exitFx(String[] args) {
        if (!java.util.Arrays.asList(args).contains("keep-fx")) {
            Platform.exit();
        }
    }

    /** Warms up, then times {@code -Dredraws} redraws idle and as many under load, printing both. */
    public static void idleAndLoaded(String what, CanvasPane canvas) throws Exception {
        int redraws = Integer.getInteger("redraws", 300);
        time(canvas, WARM_UP);
        System.out.printf("%s, %.0f px, %d redraws a frame apart, load average %s%n", what,
                onFx(() -> canvas.canvas().getWidth()), redraws, loadAverage());
        report("idle", time(canvas, redraws));
        try (BackgroundLoad load = new BackgroundLoad(2)) {
            time(canvas, WARM_UP / 2);
            report("under load (2 threads allocating 0-64 KiB arrays, 128 MiB live)", time(canvas, redraws));
        }
    }

    private record Phase(double[] millis, long[] bytes, String collections) {
    }

    private static Phase time(CanvasPane canvas, int redraws) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] millis = new double[redraws];
        long[] bytes = new long[redraws];
        long[] counts = collectorCounts();
        long[] collectorMillis = collectorMillis();
        for (int run = 0; run < redraws; run++) {
            int index = run;
            onFx(() -> {
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long start = System.nanoTime();
                canvas.repaint();
                millis[index] = (System.nanoTime() - start) / 1e6;
                bytes[index] = threads.getCurrentThreadAllocatedBytes() - allocated;
                return null;
            });
            Thread.sleep(16);
        }
        return new Phase(millis, bytes, collections(counts, collectorMillis));
    }

    private static void report(String name, Phase phase) {
        double[] millis = phase.millis().clone();
        long[] bytes = phase.bytes().clone();
        Arrays.sort(millis);
        Arrays.sort(bytes);
        System.out.printf("  %s: p50 %.2f ms, p99 %.2f ms, worst %.2f ms; allocated per redraw: median %,d B, "
                        + "p99 %,d B, most %,d B; collections meanwhile: %s%n", name,
                millis[index(millis.length, 50)], millis[index(millis.length, 99)], millis[millis.length - 1],
                bytes[bytes.length / 2], bytes[index(bytes.length, 99)], bytes[bytes.length - 1], phase.collections());
    }

    private static int index(int length, int percent) {
        return Math.max(0, (int) Math.ceil(length * percent / 100.0) - 1);
    }

    /** Per collector: how many ran since {@code counts} and {@code millis} were taken, and their summed time. */
    private static String collections(long[] counts, long[] millis) {
        var beans = ManagementFactory.getGarbageCollectorMXBeans();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < beans.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(beans.get(i).getName()).append(' ')
                    .append(beans.get(i).getCollectionCount() - counts[i]).append(" (")
                    .append(beans.get(i).getCollectionTime() - millis[i]).append(" ms)");
        }
        return text.toString();
    }

    private static long[] collectorCounts() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).toArray();
    }

    private static long[] collectorMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).toArray();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Runs {@code action} on the FX thread and waits for its result. */
    public static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(action.call());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(60, TimeUnit.SECONDS);
    }
}
