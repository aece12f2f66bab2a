package dev.heapscope.ui.hunt;

import dev.heapscope.sim.Scenario;

/** One entry of the workload chooser: a kind, and for {@link WorkloadKind#SCENARIO} which scenario. */
public record WorkloadChoice(WorkloadKind kind, Scenario scenario) {
    public static WorkloadChoice of(WorkloadKind kind) {
        return new WorkloadChoice(kind, null);
    }

    /** The scenario's file name, or the kind's label: what the chooser lists. */
    @Override
    public String toString() {
        return scenario != null ? scenario.name() : kind.label();
    }
}
