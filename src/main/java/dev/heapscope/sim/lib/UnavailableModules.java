package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.util.List;
import java.util.StringJoiner;

/**
 * The firmware's C modules the virtual board does not model: reading such a global, or requiring it, raises
 * {@code module 'adc' is not available on the virtual board (modelled: file, gpio, ...)} instead of a nil
 * that fails later. Other undefined globals stay nil. It works through a metatable on {@code _G} (so
 * {@code pairs(_G)} and {@code rawget} see nothing new); the list of what is modelled is read from the
 * globals when the error is raised, so it names whatever modules are installed.
 */
public final class UnavailableModules {
    /** Every NODEMCU_MODULE of nodemcu-firmware dev-esp32 components/modules/*.c, by its Lua name. */
    static final List<String> FIRMWARE = List.of("adc", "bit", "bthci", "can", "crypto", "dac", "dht", "encoder",
            "eromfs", "espnow", "eth", "file", "gpio", "heaptrace", "http", "httpd", "i2c", "i2s", "ledc", "mqtt",
            "net", "node", "otaupgrade", "ow", "pipe", "pulsecnt", "qrcodegen", "rmt", "rotary", "rtcmem", "sdmmc",
            "sigma_delta", "sjson", "sodium", "spi", "struct", "time", "tmr", "touch", "u8g2", "uart", "ucg", "wifi",
            "ws2812");

    private UnavailableModules() {
    }

    public static void install(LuaTable globals, FlashFileSystem flash) {
        LuaTable metatable = new LuaTable();
        metatable.set("__index", Fn.of("__index", args -> {
            String name = args.arg(2).isstring() ? args.arg(2).tojstring() : null;
            if (name != null && FIRMWARE.contains(name)) {
                throw new LuaError(message(globals, name));
            }
            return LuaValue.NIL;
        }));
        globals.setmetatable(metatable);
        LuaValue require = globals.get("require");
        globals.set("require", Fn.of("require", args -> {
            LuaValue name = args.arg1();
            if (name.isstring() && FIRMWARE.contains(name.tojstring()) && unavailable(globals, name.tojstring(), flash)) {
                throw new LuaError(message(globals, name.tojstring()));
            }
            return require.invoke(args);
        }));
    }

    private static boolean unavailable(LuaTable globals, String name, FlashFileSystem flash) {
        LuaValue loaded = globals.rawget("package").get("loaded");
        return loaded.get(name).isnil() && globals.rawget(name).isnil()
                && !flash.exists(name + ".lua") && !flash.exists(name + ".lc");
    }

    static String message(LuaTable globals, String name) {
        StringJoiner modelled = new StringJoiner(", ");
        for (String module : FIRMWARE) {
            if (!globals.rawget(module).isnil()) {
                modelled.add(module);
            }
        }
        return "module '" + name + "' is not available on the virtual board (modelled: " + modelled + ")";
    }
}
