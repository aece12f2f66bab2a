package dev.heapscope.cli;

import picocli.CommandLine.Option;

/** {@code --port PATH --baud N}: the serial board a command talks to (snapshot, hunt, profile). */
final class SerialPortOption {

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "serial port (/dev/ttyUSB0, COM3)")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "console speed (default: ${DEFAULT-VALUE})")
    int baudRate;

    String port() {
        return port;
    }

    int baudRate() {
        return baudRate;
    }

    /** "/dev/ttyUSB0 @ 115200 baud": the board as reports and saved snapshots name it. */
    String board() {
        return port + " @ " + baudRate + " baud";
    }
}
