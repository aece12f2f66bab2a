package dev.heapscope.sim.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The modules of one boot that act on the world's schedule (GPIO input, sensors): each arms its schedule
 * when it registers and again whenever a scenario changes the world, on a queue scope that the next
 * change cancels, so an old schedule never runs beside the new one. Board thread only.
 */
public final class WorldListeners {
    private final BoardEvents events;
    private final List<BiConsumer<BoardEvents, WorldSettings>> listeners = new ArrayList<>();
    private WorldSettings world;
    private BoardEvents schedule;

    public WorldListeners(BoardEvents events, WorldSettings world) {
        this.events = events;
        this.world = world;
        this.schedule = events.scope();
    }

    public WorldSettings world() {
        return world;
    }

    public void add(BiConsumer<BoardEvents, WorldSettings> listener) {
        listeners.add(listener);
        listener.accept(schedule, world);
    }

    public void change(WorldSettings settings) {
        world = settings;
        schedule.cancel();
        schedule = events.scope();
        for (BiConsumer<BoardEvents, WorldSettings> listener : listeners) {
            listener.accept(schedule, settings);
        }
    }
}
