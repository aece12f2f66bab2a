package dev.heapscope.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code heapscope --version}: the POM's version, which Maven writes into {@code version.properties}
 * when it copies the resources, so the jar, {@code target/classes} and the tests all see it. A build
 * that skipped Maven's resources (an IDE's own copy) says so rather than print a made-up version.
 */
final class PomVersion implements IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"HeapScope " + version()};
    }

    static String version() {
        try (InputStream in = PomVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "").strip();
                if (!version.isEmpty() && !version.contains("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // as if missing
        }
        return "(version unknown: built without Maven's resource filtering)";
    }
}
