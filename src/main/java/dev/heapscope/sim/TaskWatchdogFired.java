package dev.heapscope.sim;

/**
 * The board's task watchdog fired while a chunk or callback held the Lua task: the chip aborts and reboots
 * ({@code CONFIG_ESP_TASK_WDT_PANIC=y} in NodeMCU's sdkconfig.defaults). An {@link Error} so that no
 * {@code pcall} can catch it, as none could catch the abort.
 */
final class TaskWatchdogFired extends Error {
    TaskWatchdogFired() {
        super("task watchdog", null, false, false);
    }
}
