package dev.heapscope.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars of the package phase, as users get them (run by surefire's packaged-jars execution, after
 * package). JavaFX loads its natives by bare name from the jar's root (NativeLibLoader), so a jar can hold
 * one architecture per OS: heapscope.jar has x64 for all three, the aarch64 jars one OS each.
 */
@Timeout(120)
class PackagedJarTest {
    private static final Path DIR = Path.of(System.getProperty("heapscope.jar.dir", "target"));
    private static final int ELF_X86_64 = 0x3E;
    private static final int ELF_AARCH64 = 0xB7;
    private static final int MACH_O_X86_64 = 0x01000007;
    private static final int MACH_O_ARM64 = 0x0100000C;

    private static byte[] entry(JarFile jar, String name) throws IOException {
        assertThat(jar.getEntry(name)).as(jar.getName() + " has " + name).isNotNull();
        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            return in.readNBytes(64);
        }
    }

    private static int elfMachine(byte[] head) {
        assertThat(head).startsWith(0x7F, 'E', 'L', 'F');
        return (head[18] & 0xFF) | (head[19] & 0xFF) << 8;
    }

    private static int machOCpu(byte[] head) {
        assertThat(head).startsWith(0xCF, 0xFA, 0xED, 0xFE); // 64-bit Mach-O, little-endian
        return (head[4] & 0xFF) | (head[5] & 0xFF) << 8 | (head[6] & 0xFF) << 16 | (head[7] & 0xFF) << 24;
    }

    private static boolean hasNative(JarFile jar, String suffix) {
        return jar.stream().anyMatch(e -> !e.getName().contains("/") && e.getName().endsWith(suffix));
    }

    @Test
    void theJarCarriesJavaFxForLinuxWindowsAndMacOsOnX64() throws IOException {
        try (JarFile jar = new JarFile(DIR.resolve("heapscope.jar").toFile())) {
            for (String lib : List.of("glass", "glassgtk3", "prism_es2", "prism_sw", "javafx_font", "javafx_iio")) {
                assertThat(elfMachine(entry(jar, "lib" + lib + ".so"))).as(lib).isEqualTo(ELF_X86_64);
            }
            for (String lib : List.of("glass", "prism_d3d", "prism_sw", "javafx_font", "javafx_iio")) {
                byte[] head = entry(jar, lib + ".dll");
                assertThat(head).as(lib).startsWith('M', 'Z');
            }
            for (String lib : List.of("glass", "prism_es2", "prism_sw", "javafx_font", "javafx_iio")) {
                assertThat(machOCpu(entry(jar, "lib" + lib + ".dylib"))).as(lib).isEqualTo(MACH_O_X86_64);
            }
            for (String glass : List.of("gtk/GtkPlatformFactory", "win/WinPlatformFactory", "mac/MacPlatformFactory")) {
                entry(jar, "com/sun/glass/ui/" + glass + ".class");
            }
            // each OS's graphics pipeline: Direct3D on Windows, OpenGL through its own factory on macOS
            entry(jar, "com/sun/prism/d3d/D3DPipeline.class");
            entry(jar, "com/sun/prism/es2/MacGLFactory.class");
            entry(jar, "com/sun/prism/es2/X11GLFactory.class");
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(HeapScope.class.getName());
        }
        assertThat(Files.size(DIR.resolve("heapscope.jar"))).as("bytes").isLessThan(30_000_000L);
    }

    @Test
    void theAarch64JarsCarryTheirOwnOsNativesOnly() throws IOException {
        try (JarFile jar = new JarFile(DIR.resolve("heapscope-linux-aarch64.jar").toFile())) {
            assertThat(elfMachine(entry(jar, "libglass.so"))).isEqualTo(ELF_AARCH64);
            assertThat(elfMachine(entry(jar, "libglassgtk3.so"))).isEqualTo(ELF_AARCH64);
            assertThat(hasNative(jar, ".dll") || hasNative(jar, ".dylib")).isFalse();
            entry(jar, "com/sun/glass/ui/gtk/GtkPlatformFactory.class");
        }
        try (JarFile jar = new JarFile(DIR.resolve("heapscope-mac-aarch64.jar").toFile())) {
            assertThat(machOCpu(entry(jar, "libglass.dylib"))).isEqualTo(MACH_O_ARM64);
            assertThat(machOCpu(entry(jar, "libprism_es2.dylib"))).isEqualTo(MACH_O_ARM64);
            assertThat(hasNative(jar, ".dll") || hasNative(jar, ".so")).isFalse();
            entry(jar, "com/sun/glass/ui/mac/MacPlatformFactory.class");
        }
    }

    private static List<String> javaJar() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dheapscope.home=" + System.getProperty("heapscope.home", "target/test-home"),
                "-jar", DIR.resolve("heapscope.jar").toString());
    }

    @Test
    void javaDashJarWithoutADisplayPrintsTheFullHelp() throws Exception {
        HeapScopeProcessTest.Outcome outcome = HeapScopeProcessTest.launch(javaJar(), Map.of());
        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).contains("heapscope gui", "Commands:", "analyze", "Exit codes:");
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void javaDashJarGuiWithoutADisplayIsOneLine() throws Exception {
        HeapScopeProcessTest.Outcome outcome = HeapScopeProcessTest.launch(javaJar(), Map.of(), "gui", "--dark");
        assertThat(outcome.code()).isEqualTo(4);
        assertThat(outcome.err().lines()).hasSize(1).first().asString().startsWith("heapscope: no display");
    }
}
