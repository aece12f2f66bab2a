package dev.heapscope.launch;

import java.util.Locale;

/** The user's words for why JavaFX did not start. */
final class WhyNoWindow {
    private WhyNoWindow() {
    }

    static String of(Throwable failure, String displayVariable) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Unable to open DISPLAY")) {
                return "no display answers at DISPLAY=" + displayVariable;
            }
            if (t instanceof UnsatisfiedLinkError || message.contains("no suitable pipeline")
                    || message.contains("No toolkit found")) {
                return "JavaFX's native libraries do not load on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch").toLowerCase(Locale.ROOT)
                        + " (this jar's platforms: README, Get the app)";
            }
        }
        return "JavaFX did not start";
    }
}
