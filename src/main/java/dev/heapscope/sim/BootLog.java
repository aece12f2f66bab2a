package dev.heapscope.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The ROM, bootloader and IDF lines a NodeMCU ESP32 prints before its banner (with {@code \r\n}). */
final class BootLog {
    private BootLog() {
    }

    static String lines(BoardOptions options, boolean softwareReset) {
        String idf = options.idfVersion();
        String reset = softwareReset ? "rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)"
                : "rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)";
        String[] lines = {
                "ets Jul 29 2019 12:21:46",
                "",
                reset,
                "configsip: 0, SPIWP:0xee",
                "mode:DIO, clock div:2",
                "entry 0x40080638",
                "I (29) boot: ESP-IDF " + idf + " 2nd stage bootloader",
                "I (31) boot: chip revision: v3.0",
                "I (302) cpu_start: Pro cpu up.",
                "I (303) cpu_start: Starting app cpu, entry point is 0x400813a8",
                "I (312) cpu_start: Pro cpu start user code",
                "I (312) cpu_start: cpu freq: 240000000 Hz",
                "I (316) cpu_start: Application information:",
                "I (320) cpu_start: Project name:     NodeMCU",
                "I (325) cpu_start: ESP-IDF:          " + idf,
                "I (331) app_init: ELF file SHA256:  " + elfHash(options),
                "I (352) heap_init: Initializing. RAM available for dynamic allocation:",
                "I (380) spi_flash: detected chip: generic",
                "I (392) main_task: Started on CPU0",
                // not from the firmware: says, in the log's own form, that this board is simulated
                "W (395) heapscope: virtual board (simulated ESP32, not real hardware)",
        };
        return String.join("\r\n", lines) + "\r\n";
    }

    /** lua.c: {@code printf("\n%s build %s powered by %s [%s] on IDF %s\n", ...)} (FIRMWARE-FACTS.md §E). */
    static String banner(BoardOptions options) {
        return "\nNodeMCU ESP32 build " + options.buildDate() + " powered by " + options.lua().bannerText() + " on IDF "
                + options.idfVersion() + "\n";
    }

    private static String elfHash(BoardOptions options) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("heapscope-sim " + options.idfVersion() + " " + options.buildDate()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8) + "...";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
