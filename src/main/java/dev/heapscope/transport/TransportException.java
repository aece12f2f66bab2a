package dev.heapscope.transport;

/** The link to a board failed: cannot open, write refused, port vanished. The message is for users. */
public class TransportException extends Exception {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
