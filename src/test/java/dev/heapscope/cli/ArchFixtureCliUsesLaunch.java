package dev.heapscope.cli;

/** A deliberate violation (the CLI reaching up to the jar's launcher), for ArchitectureRulesCatchViolationsTest only. */
final class ArchFixtureCliUsesLaunch {
    dev.heapscope.launch.HeapScope launcher;
}
