package dev.heapscope.sim;

/**
 * What ESP-IDF 5.1 prints when the task watchdog finds the idle task of CPU 0 starved by NodeMCU's Lua
 * task (the {@code main} task, pinned to CPU 0) and, configured to panic, aborts: the lines of
 * {@code esp_task_wdt.c}'s ISR, then the panic handler's abort report, up to {@code Rebooting...}
 * (simulator/FIRMWARE-FACTS.md, "Task watchdog"). The addresses are placeholders, as in
 * {@link BoardPanicked#crashReport()}.
 */
final class TaskWatchdogReport {
    private TaskWatchdogReport() {
    }

    /** {@code CONFIG_ESP_TASK_WDT_TIMEOUT_S}: ESP-IDF's default, which NodeMCU keeps. */
    static final long TIMEOUT_MILLIS = 5_000;

    /**
     * @param chunkStartMillis the virtual clock when the chunk began (it stands still while a chunk runs): the
     *                         firmware's watchdog fires its timeout later, which the ESP_LOG timestamp shows
     */
    static String text(long chunkStartMillis) {
        String log = "E (" + (chunkStartMillis + TIMEOUT_MILLIS) + ") task_wdt: ";
        return log + "Task watchdog got triggered. The following tasks/users did not reset the watchdog in time:\r\n"
                + log + " - IDLE0 (CPU 0)\r\n"
                + log + "Tasks currently running:\r\n"
                + log + "CPU 0: main\r\n"
                + log + "CPU 1: IDLE1\r\n"
                + log + "Aborting.\r\n"
                + "\r\nabort() was called at PC 0x400d9d3b on core 0\r\n"
                + "\r\n\r\nBacktrace: 0x40081a2e:0x3ffbe9b0 0x4008a1b9:0x3ffbe9d0 0x4008f0e6:0x3ffbe9f0\r\n"
                + "\r\n\r\nELF file SHA256: 0000000000000000\r\n\r\nRebooting...\r\n";
    }
}
