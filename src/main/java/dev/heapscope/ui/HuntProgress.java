package dev.heapscope.ui;

/** Receives the guided hunt's progress: step {@code done} of {@code total}, and what runs now. Any thread. */
@FunctionalInterface
public interface HuntProgress {
    void step(int done, int total, String what);
}
