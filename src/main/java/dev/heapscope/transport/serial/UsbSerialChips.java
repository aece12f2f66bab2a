package dev.heapscope.transport.serial;

/** Names for the USB-UART bridges found on ESP32 boards, from their USB vendor and product ids. */
final class UsbSerialChips {
    private UsbSerialChips() {
    }

    static String hint(int vendorId, int productId) {
        return switch (vendorId) {
            case 0x10C4 -> "CP210x";
            case 0x1A86 -> switch (productId) {
                case 0x7523 -> "CH340";
                case 0x55D4 -> "CH9102";
                case 0x55D3 -> "CH343";
                default -> "CH34x";
            };
            case 0x0403 -> switch (productId) {
                case 0x6001 -> "FTDI FT232R";
                case 0x6010 -> "FTDI FT2232";
                case 0x6015 -> "FTDI FT231X";
                default -> "FTDI";
            };
            case 0x303A -> productId == 0x1001 ? "Espressif USB-Serial/JTAG" : "Espressif native USB";
            default -> "";
        };
    }
}
