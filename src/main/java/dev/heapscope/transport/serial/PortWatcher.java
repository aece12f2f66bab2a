package dev.heapscope.transport.serial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notices serial ports appearing and vanishing (a cable plugged or pulled) by listing them every
 * interval; jSerialComm has no hot-plug events. Reports the whole new list, only when it changed.
 */
public final class PortWatcher implements AutoCloseable {
    private final Supplier<List<SerialPortInfo>> lister;
    private final Consumer<List<SerialPortInfo>> onChange;
    private final ScheduledExecutorService timer;
    private Map<String, SerialPortInfo> known = Map.of();

    /** Watches the system's ports. */
    public static PortWatcher start(long intervalMillis, Consumer<List<SerialPortInfo>> onChange) {
        return new PortWatcher(SerialPorts::list, onChange, intervalMillis);
    }

    PortWatcher(Supplier<List<SerialPortInfo>> lister, Consumer<List<SerialPortInfo>> onChange, long intervalMillis) {
        this.lister = lister;
        this.onChange = onChange;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "serial-port-watcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Lists once now; public for tests and for a "refresh" button. */
    synchronized void check() {
        Map<String, SerialPortInfo> now = new LinkedHashMap<>();
        try {
            for (SerialPortInfo port : lister.get()) {
                now.put(port.path(), port);
            }
        } catch (RuntimeException e) {
            return; // a listing that fails now may work next time; keep the last known ports
        }
        if (!now.equals(known)) {
            known = now;
            onChange.accept(List.copyOf(now.values()));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
