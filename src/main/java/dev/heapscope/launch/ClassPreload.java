package dev.heapscope.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The build's training run for the class-data-sharing archive the {@code heapscope} launcher uses
 * (docs/PERFORMANCE.md, "Start-up"): run with {@code -XX:ArchiveClassesAtExit}, it loads, without
 * initialising, every class a start of the window and of the commands loaded when the list was made, so
 * the JVM archives them already parsed and verified. Loading instead of running the app needs no display
 * on the build machine; a class renamed since the list was made is skipped, it only goes unarchived.
 */
public final class ClassPreload {
    static final String LIST = "/dev/heapscope/launch/startup-classes.txt";

    private ClassPreload() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(load(ClassPreload.class.getResourceAsStream(LIST)) > 0 ? 0 : 1);
    }

    /** Loads the classes named in {@code list} (one binary name a line, slashes or dots); returns how many loaded. */
    static int load(InputStream list) throws IOException {
        if (list == null) {
            return 0;
        }
        ClassLoader loader = ClassPreload.class.getClassLoader();
        int loaded = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name.replace('/', '.'), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError gone) {
                    // renamed or removed since the list was made: it is simply not archived
                }
            }
        }
        return loaded;
    }
}
