package dev.heapscope.transport.serial;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The watcher's timer thread and the test thread share the plugged ports and the reports: both thread-safe. */
class PortWatcherTest {
    private static final long NEVER_BY_ITSELF = 3_600_000;

    private static SerialPortInfo port(String path) {
        return new SerialPortInfo(path.substring(path.lastIndexOf('/') + 1), path, "CP2102 USB to UART", 0x10C4, 0xEA60,
                "CP210x");
    }

    private static List<String> paths(List<SerialPortInfo> ports) {
        return ports.stream().map(SerialPortInfo::path).toList();
    }

    @Test
    void theFirstListingIsReportedAtOnceAndLaterOnesOnlyWhenThePortsChange() {
        AtomicReference<List<SerialPortInfo>> plugged = new AtomicReference<>(List.of(port("/dev/ttyACM0")));
        List<List<SerialPortInfo>> reports = new CopyOnWriteArrayList<>();
        try (PortWatcher watcher = new PortWatcher(plugged::get, reports::add, NEVER_BY_ITSELF)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() == 1);
            watcher.check();
            plugged.set(List.of(port("/dev/ttyACM0"), port("/dev/ttyUSB0")));
            watcher.check();
            watcher.check();
            plugged.set(List.of(port("/dev/ttyUSB0")));
            watcher.check();
            plugged.set(List.of());
            watcher.check();
            watcher.check();
        }
        assertThat(reports).extracting(PortWatcherTest::paths).containsExactly(
                List.of("/dev/ttyACM0"),
                List.of("/dev/ttyACM0", "/dev/ttyUSB0"),
                List.of("/dev/ttyUSB0"),
                List.of());
    }

    @Test
    void aCablePluggedInIsNoticedWithoutAskingByTheNextTimedListing() {
        AtomicReference<List<SerialPortInfo>> plugged = new AtomicReference<>(List.of());
        List<List<SerialPortInfo>> reports = new CopyOnWriteArrayList<>();
        PortWatcher watcher = new PortWatcher(plugged::get, reports::add, 10);
        try {
            plugged.set(List.of(port("/dev/ttyUSB0")));

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(reports).extracting(PortWatcherTest::paths)
                            .containsExactly(List.of("/dev/ttyUSB0")));
            plugged.set(List.of());
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(reports).extracting(PortWatcherTest::paths)
                            .containsExactly(List.of("/dev/ttyUSB0"), List.of()));
        } finally {
            watcher.close();
        }
    }

    @Test
    void aFailingListingKeepsTheLastKnownPorts() {
        AtomicBoolean fail = new AtomicBoolean();
        List<List<SerialPortInfo>> reports = new CopyOnWriteArrayList<>();
        try (PortWatcher watcher = new PortWatcher(() -> {
            if (fail.get()) {
                throw new IllegalStateException("no access to /dev");
            }
            return List.of(port("/dev/ttyACM0"));
        }, reports::add, NEVER_BY_ITSELF)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() == 1);
            fail.set(true);
            watcher.check();
            fail.set(false);
            watcher.check(); // the same port as before the failure: nothing changed, nothing to report
        }
        assertThat(reports).extracting(PortWatcherTest::paths).containsExactly(List.of("/dev/ttyACM0"));
    }
}
