package dev.heapscope.symbols;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Names code addresses from a firmware ELF: the function from the symbol table (the nearest preceding
 * function symbol whose range holds the address) and the source file:line from the DWARF line table.
 * An address outside every function resolves to nothing, even when a line row covers it, so a name is
 * never guessed. Immutable and thread-safe once built; lookups are binary searches over sorted arrays.
 */
public final class ElfSymbolizer implements Symbolizer {
    private final ElfFunctionTable functions;
    private final DwarfLineTable lines;
    private final int machine;

    private ElfSymbolizer(ElfFunctionTable functions, DwarfLineTable lines, int machine) {
        this.functions = functions;
        this.lines = lines;
        this.machine = machine;
    }

    /** Reads {@code elfPath} completely; see {@link Symbolizers#forElf(Path)} for the cached way. */
    public static ElfSymbolizer load(Path elfPath) throws IOException {
        return of(ElfFile.read(elfPath));
    }

    public static ElfSymbolizer of(ElfFile elf) throws IOException {
        ElfFunctionTable functions = ElfFunctionTable.of(elf);
        if (functions.size() == 0) {
            throw new IOException(elf.sourceName() + " has no function symbols (stripped?); "
                    + "use the unstripped .elf from the build directory");
        }
        return new ElfSymbolizer(functions, DwarfLineReader.read(elf), elf.machine());
    }

    /** How many functions the symbol table gave. */
    public int functionCount() {
        return functions.size();
    }

    /** How many rows the DWARF line tables gave (0 without debug information). */
    public int lineRowCount() {
        return lines.rowCount();
    }

    /** The ELF {@code e_machine}: 94 Xtensa, 243 RISC-V. */
    public int machine() {
        return machine;
    }

    @Override
    public Optional<Symbol> resolve(int address) {
        int index = functions.indexAt(address);
        if (index < 0) {
            return Optional.empty();
        }
        String function = functions.name(index);
        DwarfLineTable.Location location = lines.locate(address);
        if (location == null) {
            return Optional.of(new Symbol(address, function, functions.sourceFile(index), 0));
        }
        return Optional.of(new Symbol(address, function, location.file(), location.line()));
    }
}
