package dev.heapscope.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Notices a pulled cable. jSerialComm repeats the disconnect event until the port is closed, so the port
 * is closed at once, but from a thread of its own: closing inside the callback deadlocks with a concurrent
 * close.
 */
final class UnplugListener implements SerialPortDataListener {
    private final String portName;
    private final Runnable markVanished;
    private final Consumer<SerialPort> closePort;
    private final AtomicBoolean closerStarted = new AtomicBoolean();

    UnplugListener(String portName, Runnable markVanished, Consumer<SerialPort> closePort) {
        this.portName = portName;
        this.markVanished = markVanished;
        this.closePort = closePort;
    }

    @Override
    public int getListeningEvents() {
        return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
    }

    @Override
    public void serialEvent(SerialPortEvent event) {
        if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
            markVanished.run();
            if (closerStarted.compareAndSet(false, true)) {
                SerialPort unplugged = event.getSerialPort();
                Thread closer = new Thread(() -> closePort.accept(unplugged), "serial-unplug " + portName);
                closer.setDaemon(true);
                closer.start();
            }
        }
    }
}
