package dev.heapscope.sim;

/**
 * The simulated chip panicked (a hazard of the real firmware fired). An {@link Error} so no Lua
 * {@code pcall} can catch it: the board prints the panic and reboots, as a real one does.
 */
final class BoardPanicked extends Error {
    private final BoardPanic panic;

    BoardPanicked(BoardPanic panic) {
        super(panic.guruMeditationLine(), null, false, false);
        this.panic = panic;
    }

    BoardPanic panic() {
        return panic;
    }

    /** The text a panicking ESP32 prints after the Guru Meditation line, up to its reboot. */
    String crashReport() {
        return "\r\n\r\nCore  " + panic.core() + " register dump:\r\n"
                + "PC      : 0x4008a1b6  PS      : 0x00060834  A0      : 0x8008b3c5  A1      : 0x3ffbe0c0  \r\n"
                + "\r\nBacktrace: 0x4008a1b3:0x3ffbe0c0 0x4008b3c2:0x3ffbe0f0\r\n"
                + "\r\n\r\nELF file SHA256: 0000000000000000\r\n\r\nRebooting...\r\n";
    }
}
