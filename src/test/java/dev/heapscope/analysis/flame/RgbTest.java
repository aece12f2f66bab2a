package dev.heapscope.analysis.flame;

import org.junit.jupiter.api.Test;

import java.awt.Color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RgbTest {

    @Test
    void hsbConvertsAsAwtDoes() {
        for (int hue = -30; hue <= 390; hue += 7) {
            for (double saturation = 0; saturation <= 1.0001; saturation += 0.125) {
                for (double brightness = 0; brightness <= 1.0001; brightness += 0.125) {
                    Rgb ours = Rgb.ofHsb(hue, saturation, brightness);
                    Color awt = new Color(Color.HSBtoRGB(hue / 360f, (float) saturation, (float) brightness));
                    // AWT computes in float and truncates a little differently: one step apart at most
                    assertThat(Math.abs(ours.red() - awt.getRed())).isLessThanOrEqualTo(1);
                    assertThat(Math.abs(ours.green() - awt.getGreen())).isLessThanOrEqualTo(1);
                    assertThat(Math.abs(ours.blue() - awt.getBlue())).isLessThanOrEqualTo(1);
                }
            }
        }
        assertThat(Rgb.ofHsb(0, 1, 1)).isEqualTo(new Rgb(255, 0, 0));
        assertThat(Rgb.ofHsb(120, 1, 1)).isEqualTo(new Rgb(0, 255, 0));
        assertThat(Rgb.ofHsb(240, 1, 0.5)).isEqualTo(new Rgb(0, 0, 128));
    }

    @Test
    void scalingKeepsTheHueAndMultipliesSaturationAndBrightness() {
        Rgb orange = Rgb.ofHsb(30, 0.8, 0.8);
        Rgb scaled = orange.scaled(0.5, 0.5);
        float[] expected = {30 / 360f, 0.4f, 0.4f};
        float[] actual = Color.RGBtoHSB(scaled.red(), scaled.green(), scaled.blue(), null);
        assertThat(actual[0]).isCloseTo(expected[0], within(0.01f));
        assertThat(actual[1]).isCloseTo(expected[1], within(0.01f));
        assertThat(actual[2]).isCloseTo(expected[2], within(0.01f));
        assertThat(orange.scaled(1, 10).red()).as("brightness stops at full").isEqualTo(255);
        assertThat(new Rgb(0, 0, 0).scaled(0.5, 2)).isEqualTo(new Rgb(0, 0, 0));
        assertThatThrownBy(() -> orange.scaled(1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesCssAndPacksItsChannels() {
        Rgb colour = new Rgb(242, 203, 75);
        assertThat(colour.css()).isEqualTo("rgb(242,203,75)");
        assertThat(colour.packed()).isEqualTo(0xf2cb4b);
        assertThat(Rgb.ofPacked(0xf2cb4b)).isEqualTo(colour);
        assertThatThrownBy(() -> new Rgb(256, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rgb(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
