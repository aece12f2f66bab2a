package dev.heapscope.launch;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Whether a window can be shown, decided from the environment alone: asking AWT's GraphicsEnvironment
 * would start AWT before JavaFX, which on macOS takes the main thread JavaFX needs.
 *
 * @param why when not available: a few words for the user on why not
 */
record Display(boolean available, String why) {

    static Display of(Map<String, String> environment, Properties properties) {
        if (Boolean.parseBoolean(properties.getProperty("java.awt.headless", "false"))) {
            return new Display(false, "java.awt.headless is set");
        }
        String os = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        // Windows and macOS always have a desktop session for a user who can start a program
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return new Display(true, "");
        }
        if (set(environment.get("DISPLAY")) || set(environment.get("WAYLAND_DISPLAY"))) {
            return new Display(true, "");
        }
        return new Display(false, "DISPLAY and WAYLAND_DISPLAY are not set");
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
