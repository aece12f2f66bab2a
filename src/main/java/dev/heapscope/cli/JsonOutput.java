package dev.heapscope.cli;

import picocli.CommandLine.Option;

import java.io.IOException;

/**
 * {@code --json}: the command's result as JSON instead of text. What the JSON holds differs per
 * command, so its description is the command's help bundle's {@code json}.
 */
final class JsonOutput {

    @Option(names = "--json", descriptionKey = "json")
    boolean json;

    boolean json() {
        return json;
    }

    @FunctionalInterface
    interface Body {
        void write() throws IOException;
    }

    /** Writes the result in the chosen form. */
    void write(Body asJson, Body asText) throws IOException {
        if (json) {
            asJson.write();
        } else {
            asText.write();
        }
    }
}
