package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.lib.TraceControl;

/**
 * The simulated heap and heap trace as the live board thread sees them: a thread the watchdog abandoned
 * gets {@link AbandonedBoardThread} instead, so a stuck call that returns late cannot change the heap or the
 * trace of the boot that replaced it.
 */
final class BoardFence {
    private BoardFence() {
    }

    static BoardMemory memory(BoardMemory memory, BoardThread thread) {
        return new BoardMemory() {
            @Override
            public int allocate(int sizeBytes, CallChain chain) {
                thread.checkLive();
                return memory.allocate(sizeBytes, chain);
            }

            @Override
            public void free(int address, CallChain chain) {
                thread.checkLive();
                memory.free(address, chain);
            }

            @Override
            public int reallocate(int address, int newSizeBytes, CallChain chain) {
                thread.checkLive();
                return memory.reallocate(address, newSizeBytes, chain);
            }

            @Override
            public long freeBytes() {
                return memory.freeBytes();
            }
        };
    }

    static TraceControl trace(TraceControl trace, BoardThread thread) {
        return new TraceControl() {
            @Override
            public int init(int records) {
                thread.checkLive();
                return trace.init(records);
            }

            @Override
            public int start(TraceMode mode) {
                thread.checkLive();
                return trace.start(mode);
            }

            @Override
            public int stop() {
                thread.checkLive();
                return trace.stop();
            }

            @Override
            public int resume() {
                thread.checkLive();
                return trace.resume();
            }

            @Override
            public void dump(Appendable out) {
                thread.checkLive();
                trace.dump(out);
            }

            @Override
            public boolean isTracing() {
                return trace.isTracing();
            }

            @Override
            public java.util.List<dev.heapscope.model.Record> liveRecords() {
                return trace.liveRecords();
            }
        };
    }
}
