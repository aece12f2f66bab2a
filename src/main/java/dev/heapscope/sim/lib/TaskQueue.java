package dev.heapscope.sim.lib;

import java.util.ArrayDeque;
import java.util.List;

/**
 * NodeMCU's task queues ({@code components/task/task.c}): three fixed FreeRTOS queues, one per priority,
 * drained highest priority first by the Lua task, one event at a time. {@code node.task.post} and the GPIO
 * interrupt hand-off post here. The queues are created at boot with fixed lengths, so posting allocates
 * nothing; a full queue refuses the post. One per boot. Board thread only.
 */
public final class TaskQueue {
    public static final int LOW = 0;
    public static final int MEDIUM = 1;
    public static final int HIGH = 2;
    /** task.c task_init: {@code CONFIG_NODEMCU_TASK_SLOT_MEMORY} (2000) / (10 * 8-byte events) slices of 1, 5, 4. */
    private static final int[] LENGTHS = {25, 125, 100};

    /** A task handler: what {@code task_get_id} registered, called with the priority it was posted at. */
    public interface Task {
        void run(int priority);
    }

    private final List<ArrayDeque<Task>> queues = List.of(new ArrayDeque<>(), new ArrayDeque<>(), new ArrayDeque<>());
    private final BoardEvents events;

    public TaskQueue(BoardEvents events) {
        this.events = events;
    }

    /** {@code task_post}: false when that priority's queue is full. */
    public boolean post(int priority, Task task) {
        ArrayDeque<Task> queue = queues.get(priority);
        if (queue.size() >= LENGTHS[priority]) {
            return false;
        }
        queue.add(task);
        // the Lua task runs once the running chunk has returned; it takes whatever is most urgent then
        events.after(0, this::dispatchOne);
        return true;
    }

    private void dispatchOne() {
        for (int priority = HIGH; priority >= LOW; priority--) {
            Task next = queues.get(priority).poll();
            if (next != null) {
                next.run(priority);
                return;
            }
        }
    }

    public int queued() {
        return queues.stream().mapToInt(ArrayDeque::size).sum();
    }
}
