package dev.heapscope.transport.serial;

import java.util.Optional;

/**
 * A serial port the system offers, for a port picker.
 *
 * @param systemName  what {@link SerialTransport} accepts, e.g. {@code ttyUSB0} or {@code COM3}
 * @param path        the device path, e.g. {@code /dev/ttyUSB0}
 * @param description the driver's or device's own description (may be empty)
 * @param vendorId    USB vendor id, or -1 when not a USB device or unknown
 * @param productId   USB product id, or -1
 * @param chipHint    a friendly guess at the bridge ("CP210x", "CH340"), empty when unknown
 */
public record SerialPortInfo(String systemName, String path, String description,
                             int vendorId, int productId, String chipHint) {

    /** {@code "10C4:EA60"} for USB devices. */
    public Optional<String> usbId() {
        if (vendorId < 0 || productId < 0) {
            return Optional.empty();
        }
        return Optional.of(String.format("%04X:%04X", vendorId, productId));
    }

    /** One line for a picker: {@code ttyUSB0 - CP2102N USB to UART (10C4:EA60, CP210x)}. */
    public String label() {
        StringBuilder label = new StringBuilder(systemName);
        if (!description.isBlank()) {
            label.append(" - ").append(description);
        }
        String details = usbId().map(id -> chipHint.isEmpty() ? id : id + ", " + chipHint).orElse(chipHint);
        if (!details.isEmpty()) {
            label.append(" (").append(details).append(')');
        }
        return label.toString();
    }
}
