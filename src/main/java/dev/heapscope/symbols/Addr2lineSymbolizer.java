package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Names addresses with the user's toolchain: ONE {@code addr2line -a -f -i -C -e FIRMWARE.elf}
 * process kept open and fed every address of a dump at once, instead of a process per address
 * (the multi-second stalls of monitors). Answers are cached. Where {@code -i} reports inlining, the
 * innermost function is taken, as {@link ElfSymbolizer} does. Thread-safe.
 */
public final class Addr2lineSymbolizer implements Symbolizer, AutoCloseable {
    /** Toolchain names tried on the PATH, ESP-IDF's first. */
    static final List<String> CANDIDATES = List.of("xtensa-esp32-elf-addr2line", "xtensa-esp-elf-addr2line",
            "riscv32-esp-elf-addr2line", "xtensa-lx106-elf-addr2line", "addr2line");

    /**
     * Addresses per round trip: 257 lines of 11 bytes fit any pipe buffer, so writing a batch never waits
     * for addr2line, and its answers (a few hundred bytes each even with deep inlining) are read before more
     * is written.
     */
    static final int BATCH = 256;

    private final Process process;
    private final BufferedWriter toProcess;
    private final BufferedReader fromProcess;
    private final Map<Integer, Optional<Symbol>> cache = new HashMap<>();

    private Addr2lineSymbolizer(Process process) {
        this.process = process;
        this.toProcess = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII));
        this.fromProcess = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code addr2line} (a path, or a name looked up on the PATH) for {@code elf}. */
    public static Addr2lineSymbolizer start(String addr2line, Path elf) throws IOException {
        if (!Files.isReadable(elf)) {
            throw new IOException(elf + ": cannot read the ELF file");
        }
        Process process = new ProcessBuilder(addr2line, "-a", "-f", "-i", "-C", "-e", elf.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        return new Addr2lineSymbolizer(process);
    }

    /** The first toolchain {@code addr2line} found on the PATH, if any. */
    public static Optional<Path> findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : CANDIDATES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<Symbol> resolve(int address) {
        Optional<Symbol> known = cache.get(address);
        if (known == null) {
            resolveAll(new int[] {address});
            known = cache.getOrDefault(address, Optional.empty());
        }
        return known;
    }

    /**
     * Resolves every address (the ones already known are not asked again), in round trips of at most
     * {@link #BATCH} addresses. All at once would deadlock: addr2line answers while it reads, so once its
     * output pipe is full it stops reading, and a writer that has not started reading then blocks on a full
     * input pipe too (about 10,000 addresses on Linux).
     */
    public synchronized void resolveAll(int[] addresses) {
        int[] batch = new int[BATCH];
        int size = 0;
        for (int address : addresses) {
            if (!cache.containsKey(address)) {
                cache.put(address, Optional.empty()); // also keeps a repeated address out of the batch
                batch[size++] = address;
                if (size == BATCH) {
                    roundTrip(batch, size);
                    size = 0;
                }
            }
        }
        if (size > 0) {
            roundTrip(batch, size);
        }
    }

    private void roundTrip(int[] batch, int size) {
        try {
            for (int i = 0; i < size; i++) {
                toProcess.write(String.format("0x%08x%n", batch[i]));
            }
            // A sentinel after the batch: its echo tells where the answers end, inlined callers or not.
            toProcess.write(String.format("0x%08x%n", 0));
            toProcess.flush();
            readAnswers(size);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("addr2line stopped answering: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code count} answers and the sentinel's: each starts with the echoed address, then a
     * function and a file:line, then one more such pair per caller an inlined function sits in.
     */
    private void readAnswers(int count) throws IOException {
        String header = fromProcess.readLine();
        for (int answered = 0; ; answered++) {
            if (header == null || !header.startsWith("0x")) {
                throw new IOException("unexpected output: " + header);
            }
            String function = fromProcess.readLine();
            String location = fromProcess.readLine();
            if (answered == count) {
                return; // the sentinel: nothing follows it
            }
            int address = (int) Long.parseLong(header.substring(2), 16);
            cache.put(address, symbol(address, function, location));
            header = fromProcess.readLine();
            while (header != null && !header.startsWith("0x")) {
                fromProcess.readLine(); // an inlined-into caller's file:line
                header = fromProcess.readLine();
            }
        }
    }

    static Optional<Symbol> symbol(int address, String function, String location) {
        if (function == null || function.equals("??")) {
            return Optional.empty();
        }
        String file = null;
        int line = 0;
        if (location != null && !location.startsWith("??")) {
            String withoutNote = location.replaceFirst(" \\(discriminator \\d+\\)$", "");
            int colon = withoutNote.lastIndexOf(':');
            file = colon < 0 ? withoutNote : withoutNote.substring(0, colon);
            String number = colon < 0 ? "" : withoutNote.substring(colon + 1);
            line = number.matches("\\d+") ? Integer.parseInt(number) : 0;
        }
        return Optional.of(new Symbol(address, function, file, line));
    }

    @Override
    public void close() {
        try {
            toProcess.close();
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }
}
