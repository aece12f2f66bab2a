package dev.heapscope.session;

public enum ConnectionState {
    DISCONNECTED,
    CONNECTING,
    CONNECTED,
    /** The link went away (cable pulled, port vanished): everything received is kept. */
    BOARD_LOST
}
