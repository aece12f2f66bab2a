package dev.heapscope.fuzz;

/** One generated input: its bytes, the file name ending a command expects, and how it was made. */
record FuzzInput(long index, byte[] bytes, String extension, String mutations) {
}
