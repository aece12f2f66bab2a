package dev.heapscope.sim;

import dev.heapscope.sim.lib.BoardContext;
import dev.heapscope.sim.lib.FileModule;
import dev.heapscope.sim.lib.GpioModule;
import dev.heapscope.sim.lib.HeaptraceModule;
import dev.heapscope.sim.lib.I2cModule;
import dev.heapscope.sim.lib.NodeModule;
import dev.heapscope.sim.lib.SjsonModule;
import dev.heapscope.sim.lib.TaskQueue;
import dev.heapscope.sim.lib.UartModule;
import dev.heapscope.sim.lib.UnavailableModules;
import dev.heapscope.sim.net.NetModule;
import dev.heapscope.sim.net.VirtualNetwork;
import dev.heapscope.sim.net.WifiModule;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;

/**
 * The firmware's C modules the virtual board has, as globals and in {@code package.loaded} (NodeMCU
 * registers them both ways). One line per module; {@code tmr} is installed by the Lua state itself (it
 * drives the board's timers).
 */
final class FirmwareModules {
    private FirmwareModules() {
    }

    /** @param network for the modules that reach it (they live in {@code sim.net}, which builds on {@code sim.lib}) */
    static void install(Globals globals, BoardContext board, LuaRelease lua, VirtualNetwork network) {
        LuaTable loaded = globals.get("package").get("loaded").checktable();
        TaskQueue tasks = new TaskQueue(board.events());
        put(globals, loaded, "node", NodeModule.create(board, lua == LuaRelease.LUA_51, tasks, globals));
        put(globals, loaded, "heaptrace", HeaptraceModule.create(board));
        put(globals, loaded, "file", new FileModule(board).table());
        put(globals, loaded, "uart", UartModule.create(board));
        put(globals, loaded, "gpio", new GpioModule(board, tasks).table());
        put(globals, loaded, "i2c", new I2cModule(board, tasks).table());
        put(globals, loaded, "sjson", new SjsonModule(board, BoardNumbers.of(lua)).table());
        UnavailableModules.install(globals, board.files()); // reads what is installed only when it raises
        put(globals, loaded, "wifi", WifiModule.create(board, network));
        put(globals, loaded, "net", NetModule.create(board, network));
        put(globals, loaded, "mqtt", new dev.heapscope.sim.net.MqttModule(board, network).table());
        put(globals, loaded, "http", new dev.heapscope.sim.net.HttpModule(board, network).table());
        if (lua == LuaRelease.LUA_53) {
            RomTables.seal(globals); // the libraries and modules are ROTables in flash on a 5.3 build
        }
    }

    static void put(Globals globals, LuaTable loaded, String name, LuaTable module) {
        globals.set(name, module);
        loaded.set(name, module);
    }
}
