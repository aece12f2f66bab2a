package dev.heapscope.cli;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.parse.BoardEventDetector;
import dev.heapscope.symbols.FirmwareIdentity;
import dev.heapscope.symbols.RomSymbols;
import dev.heapscope.symbols.Symbolizer;
import dev.heapscope.symbols.Symbolizers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The names {@code analyze --elf/--rom-ld} adds: the firmware ELF first, then ROM linker scripts, then
 * whatever names monitors printed into the log. Also warns when the log's firmware is not the ELF.
 */
final class FirmwareSymbols {
    private FirmwareSymbols() {
    }

    /** The symbolizer to use before the log's own names; {@link Symbolizer#NONE} when no file is given. */
    static Symbolizer load(Path elf, List<Path> romScripts) throws InputLog.UnreadableInputException {
        Symbolizer chain = Symbolizer.NONE;
        if (elf != null) {
            try {
                chain = Symbolizers.forElf(elf);
            } catch (IOException e) {
                throw new InputLog.UnreadableInputException("--elf: " + e.getMessage());
            }
        }
        if (romScripts != null && !romScripts.isEmpty()) {
            try {
                chain = chain.orElse(RomSymbols.read(romScripts));
            } catch (java.nio.file.NoSuchFileException e) {
                throw new InputLog.UnreadableInputException("--rom-ld: " + e.getFile() + ": no such file");
            } catch (IOException e) {
                throw new InputLog.UnreadableInputException("--rom-ld: " + e.getMessage());
            }
        }
        return chain;
    }

    /**
     * Names from the toolchain's {@code addr2line} ({@code tool} a path, or "auto" for the PATH), every
     * address of the log's dumps asked in one batch; then ROM scripts.
     */
    static Symbolizer withAddr2line(String tool, Path elf, List<Path> romScripts, dev.heapscope.parse.ParsedLog log)
            throws InputLog.UnreadableInputException {
        if (elf == null) {
            throw new InputLog.UnreadableInputException("--addr2line needs --elf FIRMWARE.elf");
        }
        String command = tool;
        if ("auto".equals(tool)) {
            command = dev.heapscope.symbols.Addr2lineSymbolizer.findOnPath().map(Path::toString).orElseThrow(() ->
                    new InputLog.UnreadableInputException("--addr2line: no toolchain addr2line on the PATH (tried "
                            + String.join(", ", List.of("xtensa-esp32-elf-addr2line", "riscv32-esp-elf-addr2line",
                            "addr2line")) + "); give its path"));
        }
        dev.heapscope.symbols.Addr2lineSymbolizer symbolizer;
        try {
            symbolizer = dev.heapscope.symbols.Addr2lineSymbolizer.start(command, elf);
            java.util.Set<Integer> addresses = new java.util.HashSet<>();
            log.dumps().forEach(dump -> dump.records().forEach(r -> {
                for (int i = 0; i < r.caller().depth(); i++) {
                    addresses.add(r.caller().frame(i));
                }
            }));
            symbolizer.resolveAll(addresses.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputLog.UnreadableInputException("--addr2line: cannot run " + command + ": " + e.getMessage());
        }
        Symbolizer chain = symbolizer;
        Symbolizer rom = load(null, romScripts);
        return rom == Symbolizer.NONE ? chain : chain.orElse(rom);
    }

    /** Warns on {@code err} when the last {@code ELF file SHA256} the log shows does not match {@code elf}. */
    static void checkIdentity(Path logFile, Path elf, PrintStream err) {
        if (elf == null) {
            return;
        }
        try {
            Optional<String> printed = lastPrintedDigest(logFile);
            if (printed.isEmpty()) {
                return;
            }
            String actual = FirmwareIdentity.sha256Hex(elf);
            if (!FirmwareIdentity.matches(printed.get(), actual)) {
                err.println("heapscope: warning: the log's firmware has ELF SHA256 " + printed.get() + "… but "
                        + elf.getFileName() + " has " + actual.substring(0, Math.min(16, actual.length()))
                        + "…: names may be wrong (a stale or different build?)");
            }
        } catch (IOException e) {
            err.println("heapscope: warning: could not compare the firmware digest: " + e.getMessage());
        }
    }

    static Optional<String> lastPrintedDigest(Path logFile) throws IOException {
        String last = null;
        try (BufferedReader reader = Files.newBufferedReader(logFile, StandardCharsets.ISO_8859_1)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.contains("ELF file SHA256:")) {
                    Optional<BoardEvent> event = BoardEventDetector.detect(line);
                    if (event.isPresent() && event.get() instanceof BoardEvent.ElfSha256 digest) {
                        last = digest.hexPrefix();
                    }
                }
            }
        }
        return Optional.ofNullable(last);
    }
}
