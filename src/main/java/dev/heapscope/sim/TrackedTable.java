package dev.heapscope.sim;

import dev.heapscope.sim.lua53.NumberSlots;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A table the script made, knowing its own slot in {@link LuaObjects}: the tracker swaps it in for the
 * plain table {@code OP_NEWTABLE} made (nothing else holds that one yet), so marking and resizing find
 * the slot without a hash lookup. Behaves exactly as a {@link LuaTable}.
 *
 * <p>It also notes every write (all of LuaJ's table writes go through the methods below), so that a
 * table the collector found to hold nothing collectable (numbers and booleans only, no metatable) and
 * that nobody wrote since need not be traversed again: it still holds nothing collectable.
 */
final class TrackedTable extends LuaTable {
    int slot = -1;
    /** Written since the collector last traversed it. */
    boolean written = true;
    /** At that traversal it held nothing the collector marks (so, unwritten since, it still does not). */
    boolean leaf;
    private final NumberSlots numbers = new NumberSlots();

    /** Takes over the parts of {@code made}, a table {@code OP_NEWTABLE} just made and nothing else holds. */
    TrackedTable(LuaTable made) {
        LuaSizes.adoptParts(this, made);
    }

    /**
     * Keeps LuaJ's own weak tables out: the board's collector decides what a weak table keeps, by Lua 5.3's
     * rules and deterministically ({@link WeakTables}). LuaJ's weak slots would also drop entries whenever the
     * JVM collects, and after a rehash they no longer find a function key again, so {@code next} (a script's
     * {@code pairs}, the collector's own traversal) failed with "invalid key to 'next'".
     */
    @Override
    public LuaValue setmetatable(LuaValue metatable) {
        written = true;
        m_metatable = metatable == null || metatable.isnil() ? null : (LuaTable) metatable.checktable();
        return this;
    }

    @Override
    public void rawset(int key, LuaValue value) {
        written = true;
        super.rawset(key, value);
    }

    @Override
    public void rawset(LuaValue key, LuaValue value) {
        written = true;
        super.rawset(key, value);
    }

    @Override
    public void hashset(LuaValue key, LuaValue value) {
        written = true;
        if (numbers.storing(this, key, value)) {
            super.hashset(key, NIL);
        }
        super.hashset(key, value);
    }

    @Override
    protected LuaValue hashget(LuaValue key) {
        return numbers.read(key, super.hashget(key));
    }

    @Override
    public Varargs next(LuaValue key) {
        return numbers.next(super.next(key));
    }
}
