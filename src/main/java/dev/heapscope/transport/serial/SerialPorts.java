package dev.heapscope.transport.serial;

import com.fazecast.jSerialComm.SerialPort;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The serial ports this machine offers now. Pseudo-terminals are not listed (jSerialComm skips them). */
public final class SerialPorts {
    private SerialPorts() {
    }

    /** Known ESP32 bridges first, then by name. */
    public static List<SerialPortInfo> list() {
        return Arrays.stream(SerialPort.getCommPorts())
                .map(SerialPorts::describe)
                .sorted(Comparator.comparing((SerialPortInfo info) -> info.chipHint().isEmpty())
                        .thenComparing(SerialPortInfo::systemName))
                .toList();
    }

    private static SerialPortInfo describe(SerialPort port) {
        int vendorId = port.getVendorID();
        int productId = port.getProductID();
        String description = port.getPortDescription();
        return new SerialPortInfo(port.getSystemPortName(), port.getSystemPortPath(),
                description == null ? "" : description.trim(), vendorId, productId,
                UsbSerialChips.hint(vendorId, productId));
    }
}
