package dev.heapscope.model;

/** A deliberate cycle (model → parse → model), for ArchitectureRulesCatchViolationsTest only. */
final class ArchFixtureModelUsesParse {
    dev.heapscope.parse.DumpParser parser;
}
