package dev.heapscope.launch;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A display is known from the environment, without starting AWT or JavaFX. */
class DisplayTest {

    private static Properties os(String name) {
        Properties properties = new Properties();
        properties.setProperty("os.name", name);
        return properties;
    }

    @Test
    void linuxNeedsAnXOrWaylandDisplay() {
        assertThat(Display.of(Map.of(), os("Linux")).available()).isFalse();
        assertThat(Display.of(Map.of("DISPLAY", " "), os("Linux")).available()).isFalse();
        assertThat(Display.of(Map.of("DISPLAY", ":0"), os("Linux")).available()).isTrue();
        assertThat(Display.of(Map.of("WAYLAND_DISPLAY", "wayland-0"), os("Linux")).available()).isTrue();
        assertThat(Display.of(Map.of(), os("Linux")).why()).isEqualTo("DISPLAY and WAYLAND_DISPLAY are not set");
    }

    @Test
    void windowsAndMacOsHaveOneUnlessToldHeadless() {
        assertThat(Display.of(Map.of(), os("Windows 11")).available()).isTrue();
        assertThat(Display.of(Map.of(), os("Mac OS X")).available()).isTrue();
        Properties headless = os("Mac OS X");
        headless.setProperty("java.awt.headless", "true");
        assertThat(Display.of(Map.of("DISPLAY", ":0"), headless)).isEqualTo(new Display(false, "java.awt.headless is set"));
    }
}
