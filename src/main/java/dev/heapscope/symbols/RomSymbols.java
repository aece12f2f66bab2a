package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of ROM functions from ESP-IDF's ROM linker scripts ({@code components/esp_rom/<chip>/ld/*.ld}),
 * whose lines read {@code PROVIDE ( ets_printf = 0x40007d54 );}. Aliases ({@code a = b;}) take the
 * address of the name they point at, but name it only when no direct assignment does. The scripts give no sizes, so a ROM symbol covers addresses up to
 * the next symbol and at most {@value #MAX_FUNCTION_BYTES} bytes. Immutable.
 */
public final class RomSymbols implements Symbolizer {
    static final int MAX_FUNCTION_BYTES = 4096;
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(?:PROVIDE\\s*\\(\\s*)?([A-Za-z_.$][\\w.$]*)\\s*=\\s*(0[xX][0-9a-fA-F]+|[A-Za-z_.$][\\w.$]*)\\s*\\)?\\s*;");

    private final int[] flippedAddresses;
    private final String[] names;

    private RomSymbols(int[] flippedAddresses, String[] names) {
        this.flippedAddresses = flippedAddresses;
        this.names = names;
    }

    /** Reads every script; later files never replace a name an earlier address already has. */
    public static RomSymbols read(List<Path> linkerScripts) throws IOException {
        Map<String, Long> addressOf = new HashMap<>();
        List<String[]> aliases = new ArrayList<>();
        for (Path script : linkerScripts) {
            int symbolsBefore = addressOf.size() + aliases.size();
            try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    Matcher m = ASSIGNMENT.matcher(line);
                    if (!m.find()) {
                        continue;
                    }
                    String value = m.group(2);
                    if (value.startsWith("0x") || value.startsWith("0X")) {
                        addressOf.putIfAbsent(m.group(1), Long.parseLong(value.substring(2), 16));
                    } else {
                        aliases.add(new String[]{m.group(1), value});
                    }
                }
            }
            if (addressOf.size() + aliases.size() == symbolsBefore) {
                throw new IOException(script + " has no PROVIDE ( name = 0x… ) lines; expected an ESP-IDF ROM "
                        + "linker script such as esp32.rom.ld");
            }
        }
        Map<String, Long> aliasAddressOf = new HashMap<>();
        for (String[] alias : aliases) {
            Long target = addressOf.get(alias[1]);
            if (target != null && !addressOf.containsKey(alias[0])) {
                aliasAddressOf.putIfAbsent(alias[0], target);
            }
        }
        return of(addressOf, aliasAddressOf);
    }

    private static RomSymbols of(Map<String, Long> addressOf, Map<String, Long> aliasAddressOf) {
        // One name per address: a direct one before an alias, then the alphabetically first, so
        // results do not depend on map order.
        Map<Long, String> byAddress = new HashMap<>();
        addressOf.forEach((name, address) -> {
            if (address <= 0xFFFFFFFFL) {
                byAddress.merge(address, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        aliasAddressOf.forEach((name, address) -> {
            if (address <= 0xFFFFFFFFL && !byAddress.containsKey(address)) {
                byAddress.put(address, name);
            }
        });
        long[] sorted = byAddress.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int[] flipped = new int[sorted.length];
        String[] names = new String[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            flipped[i] = (int) sorted[i] ^ Integer.MIN_VALUE;
            names[i] = byAddress.get(sorted[i]);
        }
        return new RomSymbols(flipped, names);
    }

    public int size() {
        return names.length;
    }

    @Override
    public Optional<Symbol> resolve(int address) {
        int index = ElfFunctionTable.lastAtOrBefore(flippedAddresses, address ^ Integer.MIN_VALUE);
        if (index < 0) {
            return Optional.empty();
        }
        long start = (flippedAddresses[index] ^ Integer.MIN_VALUE) & 0xFFFFFFFFL;
        long end = start + MAX_FUNCTION_BYTES;
        if (index + 1 < flippedAddresses.length) {
            end = Math.min(end, (flippedAddresses[index + 1] ^ Integer.MIN_VALUE) & 0xFFFFFFFFL);
        }
        if ((address & 0xFFFFFFFFL) >= end) {
            return Optional.empty();
        }
        return Optional.of(new Symbol(address, names[index], null, 0));
    }

    @Override
    public String toString() {
        return "RomSymbols" + Arrays.asList(names).subList(0, Math.min(3, names.length)) + "…";
    }
}
