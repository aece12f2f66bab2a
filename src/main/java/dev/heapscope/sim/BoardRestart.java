package dev.heapscope.sim;

/**
 * {@code node.restart()} on the board: {@code esp_restart()} never returns, so the running chunk ends
 * here. An {@link Error} so that {@code pcall} cannot catch it, as it could not catch a reboot.
 */
final class BoardRestart extends Error {
    BoardRestart() {
        super("esp_restart", null, false, false);
    }
}
