package dev.heapscope.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This JVM's peak resident memory as the kernel counts it ({@code VmHWM}, Linux only). */
final class PeakMemory {
    private PeakMemory() {
    }

    static String highWaterMark() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.substring("VmHWM:".length()).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
