package dev.heapscope.analysis;

/**
 * Deliberate violations (libraries outside their packages: JavaFX, jSerialComm, JNA, LuaJ, Jackson,
 * standard output), for ArchitectureRulesCatchViolationsTest only.
 */
final class ArchFixtureLibraries {
    javafx.scene.paint.Color colour;
    com.fazecast.jSerialComm.SerialPort port;
    com.sun.jna.Pointer pointer;
    org.luaj.vm2.LuaValue value;
    com.fasterxml.jackson.databind.ObjectMapper json;

    void print() {
        System.out.println("analysis must not print");
    }
}
