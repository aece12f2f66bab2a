package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code string.find/match/gmatch/gsub} as Lua 5.3.5's lstrlib.c has them, over {@link PatternMatcher}, in
 * place of LuaJ's, whose matcher nothing can interrupt and whose {@code gsub} builds a result of any size:
 * here every step is charged to the chunk's budget and every result's bytes are claimed from the board's
 * heap before they are copied. Arguments are checked by {@link StringChecks} first.
 */
final class StringSearch {
    private static final String SPECIALS = "^$*+?.([%-";
    private final Libraries libs;
    private final WorkMeter meter;

    StringSearch(Libraries libs, WorkMeter meter) {
        this.libs = libs;
        this.meter = meter;
    }

    Varargs find(Varargs args) {
        return search(args, true, "find");
    }

    Varargs match(Varargs args) {
        return search(args, false, "match");
    }

    private Varargs search(Varargs args, boolean find, String name) {
        LibArgs check = libs.args(name);
        LuaString s = check.checkString(args, 1);
        LuaString p = check.checkString(args, 2);
        long init = startIndex(check.optInteger(args, 3, 1), s.m_length);
        if (init > s.m_length + 1L) {
            return LuaValue.NIL;
        }
        if (find && (args.arg(4).toboolean() || noSpecials(p))) {
            int at = plainFind(s, p, (int) init - 1);
            return at < 0 ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(at + 1), LuaValue.valueOf(at + p.m_length));
        }
        PatternMatcher m = new PatternMatcher(s, p, meter);
        boolean anchor = p.m_length > 0 && m.patternByte(0) == '^';
        int pi = anchor ? 1 : 0;
        int si = (int) init - 1;
        try {
            do {
                m.reset();
                int end = m.match(si, pi);
                if (end != -1) {
                    if (find) {
                        return LuaValue.varargsOf(LuaValue.valueOf(si + 1), LuaValue.valueOf(end), captures(m, si, end, false));
                    }
                    return captures(m, si, end, true);
                }
                si++;
            } while (si <= s.m_length && !anchor);
            return LuaValue.NIL;
        } finally {
            m.settle();
        }
    }

    Varargs gmatch(Varargs args) {
        LibArgs check = libs.args("gmatch");
        PatternMatcher m = new PatternMatcher(check.checkString(args, 1), check.checkString(args, 2), meter);
        return new VarArgFunction() {
            private int next;
            private int lastMatch = -1;

            {
                name = "gmatch_aux";
            }

            @Override
            public Varargs invoke(Varargs ignored) {
                try {
                    for (int si = next; si <= m.sLength; si++) {
                        m.reset();
                        int end = m.match(si, 0);
                        if (end != -1 && end != lastMatch) {
                            next = end;
                            lastMatch = end;
                            return captures(m, si, end, true);
                        }
                    }
                    next = m.sLength + 1;
                    return LuaValue.NIL;
                } finally {
                    m.settle();
                }
            }
        };
    }

    Varargs gsub(Varargs args) {
        LibArgs check = libs.args("gsub");
        LuaString s = check.checkString(args, 1);
        LuaString p = check.checkString(args, 2);
        LuaValue replacement = args.arg(3);
        long maxReplacements = check.optInteger(args, 4, s.m_length + 1L);
        PatternMatcher m = new PatternMatcher(s, p, meter);
        boolean anchor = p.m_length > 0 && m.patternByte(0) == '^';
        int pi = anchor ? 1 : 0;
        MeteredBuffer out = new MeteredBuffer(meter);
        int si = 0;
        int lastMatch = -1;
        int n = 0;
        try {
            while (n < maxReplacements) {
                m.reset();
                int end = m.match(si, pi);
                if (end != -1 && end != lastMatch) {
                    n++;
                    addValue(m, out, s, si, end, replacement);
                    si = end;
                    lastMatch = end;
                } else if (si < s.m_length) {
                    out.add(s.m_bytes[s.m_offset + si++]);
                } else {
                    break;
                }
                if (anchor) {
                    break;
                }
            }
            out.add(s.m_bytes, s.m_offset + si, s.m_length - si);
        } finally {
            m.settle();
        }
        return LuaValue.varargsOf(out.toLuaString(), LuaValue.valueOf(n));
    }

    private void addValue(PatternMatcher m, MeteredBuffer out, LuaString s, int si, int end, LuaValue replacement) {
        LuaValue value;
        switch (replacement.type()) {
            case LuaValue.TFUNCTION -> value = replacement.invoke(captures(m, si, end, true)).arg1();
            case LuaValue.TTABLE -> value = replacement.get(m.capture(0, si, end));
            default -> {
                addString(m, out, s, si, end, replacement.checkstring());
                return;
            }
        }
        if (!value.toboolean()) {
            out.add(s.m_bytes, s.m_offset + si, end - si); // keep the original text
        } else if (value.isstring()) {
            out.add(value.strvalue());
        } else {
            throw new LuaError("invalid replacement value (a " + value.typename() + ")");
        }
    }

    private static void addString(PatternMatcher m, MeteredBuffer out, LuaString s, int si, int end, LuaString r) {
        for (int i = 0; i < r.m_length; i++) {
            byte c = r.m_bytes[r.m_offset + i];
            if (c != '%') {
                out.add(c);
                continue;
            }
            i++;
            int d = i < r.m_length ? r.m_bytes[r.m_offset + i] & 0xff : 0;
            if (d == '%') {
                out.add((byte) '%');
            } else if (d >= '0' && d <= '9') {
                if (d == '0') {
                    out.add(s.m_bytes, s.m_offset + si, end - si);
                } else {
                    LuaValue capture = m.capture(d - '1', si, end);
                    out.add(capture.isstring() ? capture.strvalue() : capture.tostring().strvalue());
                }
            } else {
                throw new LuaError("invalid use of '%' in replacement string");
            }
        }
    }

    /** The captures of the match {@code [si, end)}; with {@code wholeIfNone}, the whole match when there are none. */
    private static Varargs captures(PatternMatcher m, int si, int end, boolean wholeIfNone) {
        int count = m.level() == 0 && wholeIfNone ? 1 : m.level();
        LuaValue[] values = new LuaValue[count];
        for (int i = 0; i < count; i++) {
            values[i] = m.capture(i, si, end);
        }
        return LuaValue.varargsOf(values);
    }

    private int plainFind(LuaString s, LuaString p, int from) {
        int last = s.m_length - p.m_length;
        long compared = 0;
        try {
            for (int at = from; at <= last; at++) {
                int k = 0;
                while (k < p.m_length && s.m_bytes[s.m_offset + at + k] == p.m_bytes[p.m_offset + k]) {
                    k++;
                }
                compared += k + 1;
                if (compared >= 1 << 14) {
                    meter.spend(compared / 16); // comparing a byte is far cheaper than an instruction
                    compared = 0;
                }
                if (k == p.m_length) {
                    return at;
                }
            }
            return -1;
        } finally {
            meter.spend(compared / 16);
        }
    }

    private static boolean noSpecials(LuaString p) {
        for (int i = 0; i < p.m_length; i++) {
            if (SPECIALS.indexOf(p.m_bytes[p.m_offset + i]) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** lstrlib's posrelat with find's clamp to 1. */
    private static long startIndex(long init, int length) {
        long position = init >= 0 ? init : (-init > length ? 0 : length + init + 1);
        return Math.max(position, 1);
    }
}
