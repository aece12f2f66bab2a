package dev.heapscope.transport.serial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SerialPortsTest {

    @Test
    void knownBridgesGetFriendlyNames() {
        assertThat(UsbSerialChips.hint(0x10C4, 0xEA60)).isEqualTo("CP210x");
        assertThat(UsbSerialChips.hint(0x1A86, 0x7523)).isEqualTo("CH340");
        assertThat(UsbSerialChips.hint(0x1A86, 0x55D4)).isEqualTo("CH9102");
        assertThat(UsbSerialChips.hint(0x0403, 0x6001)).isEqualTo("FTDI FT232R");
        assertThat(UsbSerialChips.hint(0x303A, 0x1001)).isEqualTo("Espressif USB-Serial/JTAG");
        assertThat(UsbSerialChips.hint(0x1234, 0x5678)).isEmpty();
        assertThat(UsbSerialChips.hint(-1, -1)).isEmpty();
    }

    @Test
    void aLabelShowsNameDescriptionUsbIdAndChip() {
        SerialPortInfo usb = new SerialPortInfo("ttyUSB0", "/dev/ttyUSB0", "CP2102N USB to UART Bridge Controller",
                0x10C4, 0xEA60, "CP210x");
        SerialPortInfo plain = new SerialPortInfo("ttyS0", "/dev/ttyS0", "", -1, -1, "");

        assertThat(usb.label()).isEqualTo("ttyUSB0 - CP2102N USB to UART Bridge Controller (10C4:EA60, CP210x)");
        assertThat(usb.usbId()).contains("10C4:EA60");
        assertThat(plain.label()).isEqualTo("ttyS0");
        assertThat(plain.usbId()).isEmpty();
    }

    @Test
    void listingPortsOnThisMachineGivesUsableEntries() {
        // This machine may have no ports at all; whatever it has must be described without nulls.
        assertThat(SerialPorts.list()).allSatisfy(info -> {
            assertThat(info.systemName()).isNotBlank();
            assertThat(info.description()).isNotNull();
            assertThat(info.label()).startsWith(info.systemName());
        });
    }
}
