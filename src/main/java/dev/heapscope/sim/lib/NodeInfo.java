package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code node.info([group])} and the other read-only facts of node.c (dev-esp32): the tables are made by
 * {@code lua_createtable} in {@code node_info}, so they are Lua objects charged to it. The values are those
 * of a plain ESP32-D0WD rev 3 with 4 MB flash running a dev-esp32 build (simulator/FIRMWARE-FACTS.md §M).
 */
final class NodeInfo {
    private static final String[] OPTIONS = {"lfs", "hw", "sw_version", "build_config", "default"};

    private NodeInfo() {
    }

    static void install(LuaTable node, BoardContext board) {
        Fn.put(node, "info", args -> info(board, args));
        Fn.put(node, "chipmodel", args -> LuaValue.valueOf("esp32"));
        // node_bootreason: rawinfo 1 and POWERON_RESET (1) + 7 (the virtual board reports every boot as power-on)
        Fn.put(node, "bootreason", args -> LuaValue.varargsOf(LuaValue.valueOf(1), LuaValue.valueOf(8)));
        Fn.put(node, "osprint", args -> LuaValue.NONE); // esp_log_level_set: the virtual IDF logs nothing anyway
    }

    private static Varargs info(BoardContext board, Varargs args) {
        String option = args.isnoneornil(1) ? "default" : Fn.checkString(args, 1, "info");
        int which = java.util.Arrays.asList(OPTIONS).indexOf(option);
        if (which < 0) { // luaL_checkoption
            throw board.argError(1, "info", "invalid option '" + option + "'");
        }
        LuaTable table = board.newTable("node_info");
        switch (which) {
            case 0 -> { // get_lfs_config: no LFS partition on the virtual board
                table.set("lfs_base", 0);
                table.set("lfs_mapped", 0);
                table.set("lfs_size", 0);
                table.set("lfs_used", 0);
            }
            case 1 -> {
                put(board, table, "chip_model", "esp32");
                table.set("chip_features", 50); // CHIP_FEATURE_WIFI_BGN | BLE | BT
                table.set("chip_major_rev", 3);
                table.set("chip_minor_rev", 0);
                table.set("cpu_cores", 2);
                table.set("flash_size", 4096);
                table.set("flash_id", 0x1640ef);
            }
            case 2 -> {
                put(board, table, "node_version", "3.0.0");
                table.set("node_version_major", 3);
                table.set("node_version_minor", 0);
                table.set("node_version_revision", 0);
                put(board, table, "git_branch", "dev-esp32");
                put(board, table, "git_commit_id", "0000000000000000000000000000000000000000");
                put(board, table, "git_release", "3.0.0-virtual");
                put(board, table, "git_commit_dts", "202401010000");
            }
            case 3 -> {
                table.set("ssl", LuaValue.TRUE);
                table.set("lfs_size", 0);
                put(board, table, "number_type", "integer+float");
                put(board, table, "modules", "file,gpio,i2c,node,sjson,tmr,uart");
                put(board, table, "esp_console", "uart");
            }
            default -> { // node_info's default: an empty table
            }
        }
        board.tableWritten(table);
        return table;
    }

    private static void put(BoardContext board, LuaTable table, String key, String value) {
        table.set(key, board.newString(value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "node_info"));
    }
}
