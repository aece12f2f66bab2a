package dev.heapscope.console;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;
import dev.heapscope.transport.TransportListener;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prompt/echo protocol, driven byte by byte without a board. */
class ConsoleProtocolTest {
    private final List<String> written = new ArrayList<>();
    private final List<String> parsedLines = new ArrayList<>();
    private final List<BoardEvent> events = new ArrayList<>();
    private final ConsoleProtocol console = new ConsoleProtocol(new RecordingTransport(),
            (text, number, millis) -> parsedLines.add(text), new ConsoleListener() {
                @Override
                public void boardEvent(LineEvent event, long hostMillis) {
                    events.add(event.event());
                }
            });

    private void board(String text, long millis) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        console.bytesReceived(bytes, bytes.length, millis);
    }

    @Test
    void theEchoIsStrippedAndTheOutputCollectedUntilThePrompt() {
        board("> ", 0);
        CompletableFuture<CommandResult> answer = console.send("=node.heap()", 1_000, 1);
        assertThat(written).containsExactly("=node.heap()\n");
        board("=node.heap()\n2036", 2);
        assertThat(answer).isNotDone();
        board("40\n> ", 3);
        assertThat(answer).isCompleted();
        assertThat(answer.join().output()).containsExactly("203640");
        assertThat(answer.join().failed()).isFalse();
        assertThat(parsedLines).containsExactly("> =node.heap()", "203640");
    }

    @Test
    void aPromptBeforeTheEchoOfACommandSentToABusyBoardIsNotItsAnswer() {
        // the board is still busy (a script printing, or a board just plugged in) when the command goes out
        CompletableFuture<CommandResult> answer = console.send("print(1 + 1)", 1_000, 0);
        board("still working\ndone\n> ", 1);
        assertThat(answer).as("the boot prompt is not the answer").isNotDone();
        board("print(1 + 1)\n2\n> ", 2);
        assertThat(answer).isCompleted();
        assertThat(answer.join().output()).containsExactly("2");
    }

    @Test
    void anIdleBoardThatDoesNotEchoStillAnswers() {
        board("> ", 0);
        CompletableFuture<CommandResult> answer = console.send("=1+1", 1_000, 1);
        board("2\n> ", 2);
        assertThat(answer).isCompleted();
        assertThat(answer.join().output()).hasSize(1).allMatch(line -> line.endsWith("2"));
    }

    @Test
    void aLuaErrorIsAFailedResultWithItsMessage() {
        board("> ", 0);
        CompletableFuture<CommandResult> answer = console.send("heaptrace.stop()", 1_000, 1);
        board("heaptrace.stop()\nLua error: \tstdin:1: failed to stop heap tracing; code 259\n"
                + "stack traceback:\n\t[C]: in ?\n> ", 2);
        assertThat(answer.join().luaError()).isEqualTo("stdin:1: failed to stop heap tracing; code 259");
    }

    @Test
    void commandsQueueAndGoOutOneAtATime() {
        board("> ", 0);
        CompletableFuture<CommandResult> first = console.send("a = 1", 1_000, 1);
        CompletableFuture<CommandResult> second = console.send("b = 2", 1_000, 1);
        assertThat(written).containsExactly("a = 1\n");
        board("a = 1\n> ", 2);
        assertThat(first).isCompleted();
        assertThat(written).containsExactly("a = 1\n", "b = 2\n");
        board("b = 2\n> ", 3);
        assertThat(second).isCompleted();
    }

    @Test
    void multiLineCodeIsSentLineByLineAfterEachContinuationPrompt() {
        board("> ", 0);
        CompletableFuture<CommandResult> answer = console.send("for i = 1, 2 do\nprint(i)\nend", 1_000, 1);
        assertThat(written).containsExactly("for i = 1, 2 do\n");
        board("for i = 1, 2 do\n>> ", 2);
        assertThat(written).hasSize(2).last().isEqualTo("print(i)\n");
        board("print(i)\n>> ", 3);
        board("end\n1\n2\n> ", 4);
        assertThat(answer.join().output()).containsExactly("1", "2");
    }

    @Test
    void anUnfinishedChunkFailsInsteadOfHanging() {
        board("> ", 0);
        CompletableFuture<CommandResult> answer = console.send("function f()", 1_000, 1);
        board("function f()\n>> ", 2);
        assertThatThrownBy(answer::join).hasCauseInstanceOf(ConsoleException.class)
                .hasMessageContaining("waits for more Lua");
    }

    @Test
    void aTypedLineTheBoardWantsMoreOfIsAnsweredAndTheNextTypedLineFinishesTheChunk() {
        board("> ", 0);
        CompletableFuture<CommandResult> open = console.sendTyped("print(\"hello\" ..", 1_000, 1);
        board("print(\"hello\" ..\n>> ", 2);
        assertThat(open).isCompleted();
        assertThat(open.join().wantsMore()).isTrue();
        assertThat(console.lastPrompt()).isEqualTo(ConsoleProtocol.BoardPrompt.WANTS_MORE);
        assertThat(console.idleAtPrompt()).as("nothing may be glued to the open chunk").isFalse();

        CompletableFuture<CommandResult> closed = console.sendTyped("1)", 1_000, 3);
        board("1)\nhello1\n> ", 4);
        assertThat(closed.join().wantsMore()).isFalse();
        assertThat(closed.join().output()).containsExactly("hello1");
        assertThat(console.idleAtPrompt()).isTrue();
        assertThat(written).containsExactly("print(\"hello\" ..\n", "1)\n");
    }

    @Test
    void whileTheBoardWantsMoreAnythingNotTypedIsRefusedUnwritten() {
        board("> ", 0);
        console.sendTyped("for i = 1, 2 do", 1_000, 1);
        CompletableFuture<CommandResult> queued = console.send("=node.heap()", 1_000, 1);
        board("for i = 1, 2 do\n>> ", 2);
        assertThat(queued).isCompletedExceptionally();
        assertThatThrownBy(queued::join).hasMessageContaining("waits for the rest of a Lua chunk typed at the console");
        assertThat(written).containsExactly("for i = 1, 2 do\n");

        CompletableFuture<CommandResult> typed = console.sendTyped("print(i) end", 1_000, 3);
        assertThat(written).containsExactly("for i = 1, 2 do\n", "print(i) end\n");
        board("print(i) end\n1\n2\n> ", 4);
        assertThat(typed.join().output()).containsExactly("1", "2");
        assertThat(console.send("=1", 1_000, 5)).isNotDone();
        assertThat(written).last().isEqualTo("=1\n");
    }

    @Test
    void aBoardThatRebootsHasNoPromptUntilItShowsOneAgain() {
        board("> ", 0);
        assertThat(console.idleAtPrompt()).isTrue();
        board("ets Jul 29 2019 12:21:46\n\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\n", 1);
        assertThat(console.lastPrompt()).isEqualTo(ConsoleProtocol.BoardPrompt.NONE);
        assertThat(console.idleAtPrompt()).isFalse();
        board("NodeMCU ESP32 build 2024-10-25 10:46 powered by Lua 5.3.5 on IDF v5.1.3\n> ", 2);
        assertThat(console.idleAtPrompt()).isTrue();
    }

    @Test
    void silenceLongerThanTheTimeoutFailsTheCommandAndTheNextOneGoesOut() {
        board("> ", 0);
        CompletableFuture<CommandResult> lost = console.send("x()", 500, 1_000);
        CompletableFuture<CommandResult> next = console.send("y()", 500, 1_000);
        console.tick(1_400);
        assertThat(lost).isNotDone();
        console.tick(1_600);
        assertThatThrownBy(lost::join).hasMessageContaining("did not answer 'x()' within 500 ms");
        assertThat(written).containsExactly("x()\n", "y()\n");
        assertThat(next).isNotDone();
    }

    @Test
    void aRebootFailsTheCommandAndIsReportedAsAnEvent() {
        board("> ", 0);
        CompletableFuture<CommandResult> answer = console.send("heaptrace.dump()", 1_000, 1);
        board("heaptrace.dump()\n====== Heap Trace: 40 records (100 capacity) ======\r\n"
                + "ets Jul 29 2019 12:21:46\r\nrst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n", 2);
        assertThatThrownBy(answer::join).hasMessageContaining("reset while running 'heaptrace.dump()'");
        assertThat(events).anyMatch(e -> e instanceof BoardEvent.Reset);
    }

    @Test
    void aLostLinkFailsEveryWaitingCommandAndDeliversThePartialLine() {
        board("> ", 0);
        CompletableFuture<CommandResult> first = console.send("a()", 1_000, 1);
        CompletableFuture<CommandResult> second = console.send("b()", 1_000, 1);
        board("a()\n    40 bytes (@ 0x3ffc8a30, Inter", 2);
        console.disconnected("board disconnected: /dev/ttyUSB0 vanished", 3);
        assertThatThrownBy(first::join).hasMessageContaining("vanished");
        assertThatThrownBy(second::join).hasMessageContaining("vanished");
        assertThat(parsedLines).last().isEqualTo("    40 bytes (@ 0x3ffc8a30, Inter");
    }

    private final class RecordingTransport implements Transport {
        @Override
        public void open(TransportListener listener) {
        }

        @Override
        public void write(byte[] bytes) throws TransportException {
            written.add(new String(bytes, StandardCharsets.ISO_8859_1));
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
