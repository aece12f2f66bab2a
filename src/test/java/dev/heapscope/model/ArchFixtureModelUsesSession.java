package dev.heapscope.model;

/** A deliberate violation (model reaching up into session), for ArchitectureRulesCatchViolationsTest only. */
final class ArchFixtureModelUsesSession {
    Object where = dev.heapscope.session.DataDirectory.at(java.nio.file.Path.of("x"));
}
