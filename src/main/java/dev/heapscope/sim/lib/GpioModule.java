package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * NodeMCU's {@code gpio} module as {@code components/modules/gpio.c} (dev-esp32) has it. An interrupt
 * callback is held by one registry reference per pin ({@code gpio_cb_refs[gpio]}), taken by {@code trig} with
 * a function and released by {@code trig} with {@code INTR_NONE}; the reference array itself is a
 * {@code luaM_newvector} of 40 ints made by the first {@code trig} and never freed. The ISR disables the
 * pin's interrupt and posts (pin | level << 8) to the low-priority task queue, which allocates nothing; the
 * task calls the callback with (pin, level) and re-enables the interrupt. Input levels come from the world
 * ({@link GpioInput}). simulator/FIRMWARE-FACTS.md §G. One per boot; board thread only.
 */
public final class GpioModule {
    static final int PIN_COUNT = 40; // GPIO_PIN_COUNT on the ESP32
    private static final int NOREF = -2;
    private static final int MODE_INPUT = 1;
    private static final int MODE_OUTPUT = 2;
    private static final int INTR_DISABLE = 0;
    private static final int INTR_POSEDGE = 1;
    private static final int INTR_NEGEDGE = 2;
    private static final int INTR_ANYEDGE = 3;
    private static final int INTR_LOW_LEVEL = 4;
    private static final int INTR_HIGH_LEVEL = 5;
    /** A level interrupt that stays asserted fires again once the task has re-enabled it. */
    private static final long LEVEL_REFIRE_MICROS = 100;

    private final BoardContext board;
    private final TaskQueue tasks;
    private final LuaTable module = new LuaTable();
    private final int[] mode = new int[PIN_COUNT];
    private final int[] level = new int[PIN_COUNT];
    private final int[] interrupt = new int[PIN_COUNT];
    private final boolean[] interruptEnabled = new boolean[PIN_COUNT];
    private int[] callbackRefs; // gpio_cb_refs: lazily made by the first trig
    private int callbackRefsBlock;

    public GpioModule(BoardContext board, TaskQueue tasks) {
        this.board = board;
        this.tasks = tasks;
        Fn.put(module, "config", this::config);
        Fn.put(module, "read", args -> {
            int pin = Fn.checkInteger(board, args, 1, "read");
            if (!valid(pin)) {
                throw new LuaError("invalid argument");
            }
            return LuaValue.valueOf((mode[pin] & MODE_INPUT) != 0 || mode[pin] == 0 ? level[pin] : 0);
        });
        Fn.put(module, "write", args -> {
            int pin = Fn.checkInteger(board, args, 1, "write");
            int value = Fn.checkInteger(board, args, 2, "write");
            if (!validOutput(pin)) { // gpio_set_level: GPIO_IS_VALID_OUTPUT_GPIO
                throw new LuaError("invalid argument");
            }
            if ((mode[pin] & MODE_OUTPUT) != 0) {
                setLevel(pin, value != 0 ? 1 : 0);
            }
            return LuaValue.NONE;
        });
        Fn.put(module, "trig", this::trig);
        Fn.put(module, "wakeup", args -> {
            int pin = Fn.checkInteger(board, args, 1, "wakeup");
            if (!args.isnoneornil(2)) {
                Fn.checkInteger(board, args, 2, "wakeup");
            }
            if (!valid(pin)) {
                throw new LuaError("invalid argument");
            }
            return LuaValue.NONE;
        });
        Fn.put(module, "set_drive", args -> {
            int pin = Fn.checkInteger(board, args, 1, "set_drive");
            int strength = Fn.checkInteger(board, args, 2, "set_drive");
            if (strength < 0 || strength > 3) {
                throw board.argError(2, "set_drive", "pad strength must be between gpio.DRIVE_0 and gpio.DRIVE_3");
            }
            if (!validOutput(pin)) {
                throw new LuaError("invalid argument");
            }
            return LuaValue.NONE;
        });
        constants();
        board.onWorld(this::scheduleInputs);
    }

    public LuaTable table() {
        return module;
    }

    private void constants() {
        module.set("OUT", MODE_OUTPUT);
        module.set("IN", MODE_INPUT);
        module.set("IN_OUT", MODE_INPUT | MODE_OUTPUT);
        module.set("FLOATING", 0);
        module.set("PULL_UP", 1);
        module.set("PULL_DOWN", 2);
        module.set("PULL_UP_DOWN", 3);
        module.set("INTR_NONE", INTR_DISABLE);
        module.set("INTR_UP", INTR_POSEDGE);
        module.set("INTR_DOWN", INTR_NEGEDGE);
        module.set("INTR_UP_DOWN", INTR_ANYEDGE);
        module.set("INTR_LOW", INTR_LOW_LEVEL);
        module.set("INTR_HIGH", INTR_HIGH_LEVEL);
        module.set("DRIVE_0", 0);
        module.set("DRIVE_1", 1);
        module.set("DRIVE_2", 2);
        module.set("DRIVE_DEFAULT", 2);
        module.set("DRIVE_3", 3);
    }

    /** SOC_GPIO_VALID_GPIO_MASK of the ESP32: 0-39 without 20, 24 and 28-31. */
    static boolean valid(int pin) {
        return pin >= 0 && pin < PIN_COUNT && pin != 20 && pin != 24 && (pin < 28 || pin > 31);
    }

    /** GPIO 34-39 are input only. */
    static boolean validOutput(int pin) {
        return valid(pin) && pin < 34;
    }

    private Varargs config(Varargs args) {
        for (int i = 1; i <= args.narg(); i++) {
            LuaValue cfg = args.arg(i);
            if (!cfg.istable()) {
                throw board.argError(i, "config", "table expected, got " + cfg.typename());
            }
            LuaValue dir = cfg.get("dir");
            if (!dir.isnumber()) {
                throw board.argError(-1, "config", "number expected, got " + (dir.isnil() ? "nil" : dir.typename()));
            }
            int newMode = dir.toint();
            LuaValue gpio = cfg.get("gpio");
            long mask = 0;
            if (gpio.type() == LuaValue.TNUMBER) {
                mask = 1L << (gpio.toint() & 63);
            } else if (gpio.istable()) {
                LuaValue key = LuaValue.NIL;
                while (true) {
                    Varargs next = gpio.next(key);
                    if ((key = next.arg1()).isnil()) {
                        break;
                    }
                    mask |= 1L << (next.arg(2).toint() & 63);
                }
            } else {
                throw new LuaError("missing/bad 'gpio' field");
            }
            for (int pin = 0; pin < 64; pin++) { // gpio_config refuses the whole mask if one pin is bad
                if ((mask & (1L << pin)) != 0 && (!valid(pin) || ((newMode & MODE_OUTPUT) != 0 && !validOutput(pin)))) {
                    throw new LuaError("invalid argument");
                }
            }
            for (int pin = 0; pin < PIN_COUNT; pin++) {
                if ((mask & (1L << pin)) != 0) {
                    mode[pin] = newMode & (MODE_INPUT | MODE_OUTPUT);
                }
            }
        }
        return LuaValue.NONE;
    }

    private Varargs trig(Varargs args) {
        int pin = Fn.checkInteger(board, args, 1, "trig");
        int type = args.isnoneornil(2) ? INTR_DISABLE : Fn.checkInteger(board, args, 2, "trig");
        LuaValue callback = args.arg(3);
        if (!callback.isnil() && !callback.isfunction()) {
            throw board.argError(3, "trig", "function expected, got " + callback.typename());
        }
        if (pin < 0 || pin >= PIN_COUNT) {
            throw new LuaError("invalid gpio");
        }
        if (callbackRefs == null) {
            callbackRefs = new int[PIN_COUNT];
            java.util.Arrays.fill(callbackRefs, NOREF);
            callbackRefsBlock = board.allocateFirmware(PIN_COUNT * 4, "luaM_realloc_", "lgpio_trig");
        }
        if (type == INTR_DISABLE) {
            board.unref(callbackRefs[pin]);
            callbackRefs[pin] = NOREF;
        } else if (!callback.isnil()) {
            board.unref(callbackRefs[pin]);
            callbackRefs[pin] = board.ref(callback, "gpio.trig(" + pin + ") callback");
        }
        if (!valid(pin) || type < INTR_DISABLE || type > INTR_HIGH_LEVEL) { // gpio_intr_disable / set_intr_type
            throw new LuaError("invalid argument");
        }
        interrupt[pin] = type;
        interruptEnabled[pin] = type != INTR_DISABLE;
        checkLevelInterrupt(pin);
        return LuaValue.NONE;
    }

    private void setLevel(int pin, int newLevel) {
        int old = level[pin];
        level[pin] = newLevel;
        if (!interruptEnabled[pin]) {
            return;
        }
        boolean fires = switch (interrupt[pin]) {
            case INTR_POSEDGE -> old == 0 && newLevel == 1;
            case INTR_NEGEDGE -> old == 1 && newLevel == 0;
            case INTR_ANYEDGE -> old != newLevel;
            case INTR_LOW_LEVEL -> newLevel == 0;
            case INTR_HIGH_LEVEL -> newLevel == 1;
            default -> false;
        };
        if (fires) {
            isr(pin);
        }
    }

    /** single_pin_isr: the interrupt stays off until the task has run the callback. */
    private void isr(int pin) {
        interruptEnabled[pin] = false;
        int sampled = level[pin];
        tasks.post(TaskQueue.LOW, priority -> callbackTask(pin, sampled));
    }

    private void callbackTask(int pin, int sampled) {
        if (callbackRefs == null || callbackRefs[pin] == NOREF) {
            return; // nodemcu_gpio_callback_task leaves the interrupt disabled
        }
        board.runCallback(board.refValue(callbackRefs[pin]),
                LuaValue.varargsOf(LuaValue.valueOf(pin), LuaValue.valueOf(sampled)));
        if (interrupt[pin] != INTR_DISABLE && callbackRefs[pin] != NOREF) {
            interruptEnabled[pin] = true;
            checkLevelInterrupt(pin);
        }
    }

    private void checkLevelInterrupt(int pin) {
        int type = interrupt[pin];
        if (interruptEnabled[pin] && (type == INTR_LOW_LEVEL && level[pin] == 0 || type == INTR_HIGH_LEVEL && level[pin] == 1)) {
            board.events().after(LEVEL_REFIRE_MICROS, () -> {
                if (interruptEnabled[pin] && interrupt[pin] == type) {
                    setLevel(pin, level[pin]);
                }
            });
        }
    }

    private void scheduleInputs(BoardEvents schedule, WorldSettings world) {
        for (int pin = 0; pin < PIN_COUNT; pin++) {
            GpioInput input;
            try {
                input = GpioInput.of(world, pin);
            } catch (IllegalArgumentException e) {
                board.write(e.getMessage() + board.newline());
                continue;
            }
            if (input == null) {
                continue;
            }
            int p = pin;
            if (input.periodMicros() > 0) {
                toggleEvery(p, input.periodMicros(), schedule);
            } else {
                for (long[] change : input.changes()) {
                    schedule.after(change[0], () -> setLevel(p, (int) change[1]));
                }
            }
        }
    }

    private void toggleEvery(int pin, long periodMicros, BoardEvents schedule) {
        schedule.after(periodMicros, () -> {
            setLevel(pin, 1 - level[pin]);
            toggleEvery(pin, periodMicros, schedule);
        });
    }
}
