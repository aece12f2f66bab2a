package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Names code addresses from a firmware ELF: the function from the symbol table (the nearest preceding
 * function symbol whose range holds the address) or, inside code the compiler inlined, the innermost
 * inlined function (as {@code addr2line -f} names it), and the source file:line from the DWARF line table.
 * An address outside every function resolves to nothing, even when a line row covers it, so a name is
 * never guessed. Immutable and thread-safe once built; lookups are binary searches over sorted arrays.
 */
public final class ElfSymbolizer implements Symbolizer {
    private final ElfFunctionTable functions;
    private static final System.Logger LOG = System.getLogger(ElfSymbolizer.class.getName());

    private final DwarfLineTable lines;
    private final InlinedRanges inlined;
    private final int machine;
    private final List<ElfSection> codeSections;

    private ElfSymbolizer(ElfFunctionTable functions, DwarfLineTable lines, InlinedRanges inlined, ElfFile elf) {
        this.functions = functions;
        this.lines = lines;
        this.inlined = inlined;
        this.machine = elf.machine();
        this.codeSections = elf.sections().stream().filter(s -> s.executable() && s.sizeBytes() != 0).toList();
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
        DwarfLineTable lines = DwarfLineReader.read(elf);
        InlinedRanges inlined;
        try {
            inlined = InlinedSubroutineReader.read(elf);
        } catch (IOException e) {
            // Inlined names are a refinement: without them, names come from the symbol table.
            LOG.log(System.Logger.Level.WARNING, "{0}: inlined functions not read: {1}", elf.sourceName(),
                    e.getMessage());
            inlined = InlinedRanges.EMPTY;
        }
        return new ElfSymbolizer(functions, lines, inlined, elf);
    }

    /** How many functions the symbol table gave. */
    public int functionCount() {
        return functions.size();
    }

    /** How many rows the DWARF line tables gave (0 without debug information). */
    public int lineRowCount() {
        return lines.rowCount();
    }

    /** How many address segments lie in inlined code (0 without inlining or debug information). */
    public int inlinedSegmentCount() {
        return inlined.segmentCount();
    }

    /** The ELF {@code e_machine}: 94 Xtensa, 243 RISC-V. */
    public int machine() {
        return machine;
    }

    /**
     * Whether {@code address} lies in one of the firmware's code sections: a call-chain frame outside
     * them (and outside ROM) is not a return address and deserves a flag in views.
     */
    public boolean isCodeAddress(int address) {
        for (ElfSection section : codeSections) {
            if (section.containsAddress(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<Symbol> resolve(int address) {
        int index = functions.indexAt(address);
        if (index < 0) {
            return Optional.empty();
        }
        String inlinedName = inlined.innermostAt(address);
        String function = inlinedName != null ? inlinedName : functions.name(index);
        DwarfLineTable.Location location = lines.locate(address);
        if (location == null) {
            return Optional.of(new Symbol(address, function, functions.sourceFile(index), 0));
        }
        return Optional.of(new Symbol(address, function, location.file(), location.line()));
    }
}
