package dev.heapscope.ui;

import java.util.concurrent.ThreadFactory;

/** Background threads that never keep the JVM alive after the window closes. */
final class Daemons {
    private Daemons() {
    }

    static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
