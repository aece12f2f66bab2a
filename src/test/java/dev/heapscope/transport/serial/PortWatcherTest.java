package dev.heapscope.transport.serial;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PortWatcherTest {
    private static SerialPortInfo port(String path) {
        return new SerialPortInfo(path.substring(path.lastIndexOf('/') + 1), path, "CP2102 USB to UART", 0x10C4, 0xEA60,
                "CP210x");
    }

    @Test
    void reportsOnlyWhenThePortsChange() throws Exception {
        List<List<SerialPortInfo>> plugged = new ArrayList<>();
        plugged.add(List.of());
        List<List<SerialPortInfo>> reports = new CopyOnWriteArrayList<>();
        try (PortWatcher watcher = new PortWatcher(() -> plugged.get(plugged.size() - 1), reports::add, 3_600_000)) {
            Thread.sleep(100); // the first listing runs at once
            watcher.check();
            plugged.add(List.of(port("/dev/ttyUSB0")));
            watcher.check();
            watcher.check();
            plugged.add(List.of());
            watcher.check();
        }
        assertThat(reports).hasSize(2);
        assertThat(reports.get(0)).extracting(SerialPortInfo::path).containsExactly("/dev/ttyUSB0");
        assertThat(reports.get(1)).isEmpty();
    }

    @Test
    void aFailingListingKeepsTheLastKnownPorts() throws Exception {
        boolean[] fail = {false};
        List<List<SerialPortInfo>> reports = new CopyOnWriteArrayList<>();
        try (PortWatcher watcher = new PortWatcher(() -> {
            if (fail[0]) {
                throw new IllegalStateException("no access to /dev");
            }
            return List.of(port("/dev/ttyACM0"));
        }, reports::add, 3_600_000)) {
            Thread.sleep(100);
            fail[0] = true;
            watcher.check();
        }
        assertThat(reports).hasSize(1);
    }
}
