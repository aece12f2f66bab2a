package dev.heapscope.analysis.flame;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlamePaletteTest {

    @Test
    void aNameHasTheSameColourInEveryRunAndEveryJvm() {
        // Expected values computed outside Java (String.hashCode is specified, so they cannot drift):
        // a palette keyed on an identity hash or a seeded hash would fail here.
        assertThat(FlamePalette.LIGHT.frame("leak (app.lua:3)")).isEqualTo(new Rgb(242, 203, 75));
        assertThat(FlamePalette.LIGHT.frame("luaH_new (ltable.c)")).isEqualTo(new Rgb(235, 223, 98));
        assertThat(FlamePalette.LIGHT.frame("0x400d1234")).isEqualTo(new Rgb(182, 186, 192));
        assertThat(FlamePalette.LIGHT.frame("all")).isEqualTo(new Rgb(235, 210, 124));
    }

    @Test
    void differentNamesSpreadOverTheirFamilysHues() {
        int names = 600;
        int[] luaHueBuckets = new int[5];
        Set<Rgb> distinct = new HashSet<>();
        double gapsSum = 0;
        double previousHue = Double.NaN;
        for (int i = 0; i < names; i++) {
            Rgb colour = FlamePalette.LIGHT.frame("handler_" + i + " (app.lua:" + (10 + i) + ")");
            distinct.add(colour);
            double hue = hueDegrees(colour);
            assertThat(hue).as("Lua frames are warm: orange to yellow").isBetween(17.0, 49.0);
            luaHueBuckets[(int) Math.max(0, Math.min(4, (hue - 18) / 6))]++;
            if (i > 0) {
                gapsSum += Math.abs(hue - previousHue);
            }
            previousHue = hue;
        }
        for (int bucket : luaHueBuckets) {
            assertThat(bucket).as("each fifth of the hue range gets its share").isGreaterThan(names / 10);
        }
        // hue and saturation move together, so a family's colours lie on one curve of about 85
        // 8-bit steps: most of them are used...
        assertThat(distinct).as("distinct colours among %d names", names).hasSizeGreaterThan(60);
        // ...and names one digit apart land far apart on it (10 degrees on average if random over 30)
        assertThat(gapsSum / (names - 1)).as("mean hue gap between neighbouring names").isGreaterThan(6.0);
        assertThat(hueDegrees(FlamePalette.LIGHT.frame("luaH_new (ltable.c)"))).as("C functions are yellower")
                .isBetween(44.0, 61.0);
        Rgb address = FlamePalette.LIGHT.frame("0x400d1234");
        assertThat(Math.max(address.red(), address.blue()) - Math.min(address.red(), address.blue()))
                .as("bare addresses are nearly grey").isLessThan(16);
    }

    @Test
    void theThemeChangesOnlyHowNonMatchesRecede() {
        String name = "leak (app.lua:3)";
        assertThat(FlamePalette.DARK.frame(name)).isEqualTo(FlamePalette.LIGHT.frame(name));
        Rgb frame = FlamePalette.LIGHT.frame(name);
        Rgb onLight = FlamePalette.LIGHT.dimmed(frame);
        Rgb onDark = FlamePalette.DARK.dimmed(frame);
        assertThat(brightness(onLight)).isGreaterThanOrEqualTo(brightness(frame));
        assertThat(brightness(onDark)).isLessThan(brightness(frame) * 0.6);
        assertThat(saturation(onLight)).isLessThan(saturation(frame) * 0.6);
        assertThat(hueDegrees(onDark)).isCloseTo(hueDegrees(frame), within(2.0));
    }

    @Test
    void changesAreRedBluePurpleOrGreyAndStrongerForALargerShare() {
        FlamePalette palette = FlamePalette.LIGHT;
        assertThat(hueDegrees(palette.change(FlameDiff.Change.GROWN, 0.5))).isEqualTo(0);
        assertThat(hueDegrees(palette.change(FlameDiff.Change.SHRUNK, 0.5))).isCloseTo(215,
                within(1.0));
        assertThat(hueDegrees(palette.change(FlameDiff.Change.NEW, 1))).isCloseTo(285,
                within(1.0));
        assertThat(saturation(palette.change(FlameDiff.Change.SAME, 0))).isZero();
        assertThat(saturation(palette.change(FlameDiff.Change.GROWN, 0.9)))
                .isGreaterThan(saturation(palette.change(FlameDiff.Change.GROWN, 0.1)));
    }

    static double hueDegrees(Rgb colour) {
        return Color.RGBtoHSB(colour.red(), colour.green(), colour.blue(), null)[0] * 360.0;
    }

    private static double saturation(Rgb colour) {
        return Color.RGBtoHSB(colour.red(), colour.green(), colour.blue(), null)[1];
    }

    private static double brightness(Rgb colour) {
        return Color.RGBtoHSB(colour.red(), colour.green(), colour.blue(), null)[2];
    }
}
