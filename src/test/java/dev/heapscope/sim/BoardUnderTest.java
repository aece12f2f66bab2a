package dev.heapscope.sim;

import dev.heapscope.sim.lib.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A booted virtual board with fakes behind it and a transcript of everything it printed. */
final class BoardUnderTest implements AutoCloseable {
    final CountingBoardMemory memory;
    final FakeTraceControl trace = new FakeTraceControl();
    final VirtualClock clock = new VirtualClock(240);
    final VirtualBoard board;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();

    BoardUnderTest() {
        this(BoardOptions.defaults(), 300_000);
    }

    BoardUnderTest(BoardOptions options, long heapBytes) {
        memory = new CountingBoardMemory(heapBytes);
        board = new VirtualBoard(memory, trace, clock, options);
        board.addOutputListener((bytes, offset, length) -> {
            synchronized (transcript) {
                transcript.write(bytes, offset, length);
            }
        });
        board.boot();
    }

    /** Types the text, waits until the board is idle, returns what it printed meanwhile. */
    String type(String text) {
        clear();
        board.receive(text.getBytes(StandardCharsets.ISO_8859_1));
        board.awaitIdle();
        return output();
    }

    String output() {
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.ISO_8859_1);
        }
    }

    void clear() {
        synchronized (transcript) {
            transcript.reset();
        }
    }

    @Override
    public void close() {
        board.close();
    }
}
