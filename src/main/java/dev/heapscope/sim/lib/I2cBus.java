package dev.heapscope.sim.lib;

/**
 * The virtual I2C bus: one LM75 temperature sensor at its usual address 0x48 (A2..A0 low), reading
 * {@code -- world.i2c.temperature = 21.5} (°C, default 21.5). A write sets the LM75's register pointer (then
 * writes the register: config 1 byte, THYST/TOS 2 bytes); a read returns the pointed register, MSB first,
 * the temperature as a 9-bit two's complement in 0.5 °C steps left-aligned in 16 bits (LM75 data sheet).
 * Any other address does not acknowledge.
 */
final class I2cBus {
    static final int LM75_ADDRESS = 0x48;

    private final java.util.function.Supplier<WorldSettings> world;
    private int pointer;
    private int config;
    private int hysteresis = 75 << 8;
    private int overTemperature = 80 << 8;
    private int written;

    /** @param world read at each conversion, so a scenario's reading applies from when it is set */
    I2cBus(java.util.function.Supplier<WorldSettings> world) {
        this.world = world;
    }

    private double temperature() {
        try {
            return Double.parseDouble(world.get().get("i2c.temperature", "21.5").trim());
        } catch (NumberFormatException e) {
            return 21.5; // a scenario with a malformed reading still runs
        }
    }

    boolean acknowledges(int address) {
        return address == LM75_ADDRESS;
    }

    /** The master addressed the sensor for writing: the next byte is the pointer. */
    void beginWrite() {
        written = 0;
    }

    void write(int data) {
        if (written == 0) {
            pointer = data & 3;
        } else if (pointer == 1) {
            config = data;
        } else if (pointer >= 2) {
            int value = pointer == 2 ? hysteresis : overTemperature;
            value = written == 1 ? (data << 8) | (value & 0xff) : (value & 0xff00) | data;
            if (pointer == 2) {
                hysteresis = value;
            } else {
                overTemperature = value;
            }
        }
        written++;
    }

    /** The {@code index}-th byte of a read from the pointed register (it wraps within the register). */
    int read(int index) {
        int register = switch (pointer) {
            case 0 -> temperatureRegister();
            case 1 -> (config << 8) | config;
            case 2 -> hysteresis;
            default -> overTemperature;
        };
        return index % 2 == 0 ? register >> 8 & 0xff : register & 0xff;
    }

    private int temperatureRegister() {
        int halfDegrees = (int) Math.floor(Math.max(-55, Math.min(125, temperature())) * 2);
        return (halfDegrees << 7) & 0xffff;
    }
}
