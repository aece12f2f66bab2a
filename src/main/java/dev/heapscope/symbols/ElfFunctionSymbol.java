package dev.heapscope.symbols;

/**
 * A code symbol from {@code .symtab}; {@code sizeBytes} 0 means the symbol table does not say.
 * {@code sourceFile}: for a local symbol, the name of the {@code STT_FILE} symbol before it, else null.
 */
record ElfFunctionSymbol(String name, int address, int sizeBytes, boolean typedFunction, boolean global,
                         String sourceFile) {
}
