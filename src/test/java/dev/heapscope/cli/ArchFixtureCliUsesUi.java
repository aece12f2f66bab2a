package dev.heapscope.cli;

/** A deliberate violation (the CLI using the UI), for ArchitectureRulesCatchViolationsTest only. */
final class ArchFixtureCliUsesUi {
    dev.heapscope.ui.common.Theme theme;
}
