package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * Lua 5.3's pattern matching (lstrlib.c's semantics and messages) over one subject and pattern, written
 * for the board's limits: every step of the backtracking matcher is charged to the chunk's instruction
 * budget, so {@code ("a-"):rep(20) .. "b"} against a long subject ends as a runaway loop does instead of
 * holding the board thread for ever. Indexes are 0-based; a match returns the end index or -1.
 */
final class PatternMatcher {
    static final int MAX_CAPTURES = 32;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final int MAX_CALLS = 200; // MAXCCALLS: lstrlib's recursion limit
    private static final int STEPS_PER_CHARGE = 1024;
    private static final byte ESC = '%';

    private final byte[] s;
    private final int sOffset;
    final int sLength;
    private final byte[] p;
    private final int pOffset;
    final int pLength;
    private final WorkMeter meter;
    private final PatternClasses classes;
    private final int[] captureStart = new int[MAX_CAPTURES];
    private final int[] captureLength = new int[MAX_CAPTURES];
    private int level;
    private int callsLeft;
    private int steps;

    PatternMatcher(LuaString subject, LuaString pattern, WorkMeter meter) {
        this.s = subject.m_bytes;
        this.sOffset = subject.m_offset;
        this.sLength = subject.m_length;
        this.p = pattern.m_bytes;
        this.pOffset = pattern.m_offset;
        this.pLength = pattern.m_length;
        this.meter = meter;
        this.classes = new PatternClasses(p, pOffset, pLength);
    }

    /** lstrlib's reprepstate: before each attempt. */
    void reset() {
        level = 0;
        callsLeft = MAX_CALLS;
    }

    int level() {
        return level;
    }

    int subjectByte(int i) {
        return s[sOffset + i] & 0xff;
    }

    int patternByte(int i) {
        return p[pOffset + i] & 0xff;
    }

    /** Charges what the matcher has done since the last charge (a search's end). */
    void settle() {
        meter.spend(steps);
        steps = 0;
    }

    private void step() {
        if (++steps >= STEPS_PER_CHARGE) {
            settle();
        }
    }

    int match(int si, int pi) {
        if (callsLeft-- == 0) {
            throw new LuaError("pattern too complex");
        }
        try {
            while (true) {
                step();
                if (pi == pLength) {
                    return si;
                }
                int c = patternByte(pi);
                if (c == '(') {
                    boolean position = pi + 1 < pLength && patternByte(pi + 1) == ')';
                    return position ? startCapture(si, pi + 2, CAP_POSITION) : startCapture(si, pi + 1, CAP_UNFINISHED);
                }
                if (c == ')') {
                    return endCapture(si, pi + 1);
                }
                if (c == '$' && pi + 1 == pLength) {
                    return si == sLength ? si : -1;
                }
                if (c == ESC && pi + 1 < pLength) {
                    int next = patternByte(pi + 1);
                    if (next == 'b') {
                        si = matchBalance(si, pi + 2);
                        if (si == -1) {
                            return -1;
                        }
                        pi += 4;
                        continue;
                    }
                    if (next == 'f') {
                        pi += 2;
                        if (pi >= pLength || patternByte(pi) != '[') {
                            throw new LuaError("missing '[' after '%f' in pattern");
                        }
                        int ep = classes.classEnd(pi);
                        int previous = si == 0 ? 0 : subjectByte(si - 1);
                        int current = si < sLength ? subjectByte(si) : 0;
                        if (classes.matchBracketClass(previous, pi, ep - 1) || !classes.matchBracketClass(current, pi, ep - 1)) {
                            return -1;
                        }
                        pi = ep;
                        continue;
                    }
                    if (Character.isDigit(next)) {
                        si = matchCapture(si, next);
                        if (si == -1) {
                            return -1;
                        }
                        pi += 2;
                        continue;
                    }
                }
                int ep = classes.classEnd(pi);
                boolean matches = si < sLength && classes.singleMatch(subjectByte(si), pi, ep);
                int suffix = ep < pLength ? patternByte(ep) : -1;
                if (suffix == '?') {
                    if (matches) {
                        int end = match(si + 1, ep + 1);
                        if (end != -1) {
                            return end;
                        }
                    }
                    pi = ep + 1;
                    continue;
                }
                if (suffix == '+') {
                    return matches ? maxExpand(si + 1, pi, ep) : -1;
                }
                if (suffix == '*') {
                    return maxExpand(si, pi, ep);
                }
                if (suffix == '-') {
                    return minExpand(si, pi, ep);
                }
                if (!matches) {
                    return -1;
                }
                si++;
                pi = ep;
            }
        } finally {
            callsLeft++;
        }
    }

    private int maxExpand(int si, int pi, int ep) {
        int count = 0;
        while (si + count < sLength && classes.singleMatch(subjectByte(si + count), pi, ep)) {
            count++;
            step();
        }
        for (; count >= 0; count--) { // the longest repetition first, then give back one at a time
            int end = match(si + count, ep + 1);
            if (end != -1) {
                return end;
            }
        }
        return -1;
    }

    private int minExpand(int si, int pi, int ep) {
        while (true) {
            int end = match(si, ep + 1);
            if (end != -1) {
                return end;
            }
            if (si < sLength && classes.singleMatch(subjectByte(si), pi, ep)) {
                si++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int si, int pi, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        captureStart[level] = si;
        captureLength[level] = what;
        level++;
        int end = match(si, pi);
        if (end == -1) {
            level--;
        }
        return end;
    }

    private int endCapture(int si, int pi) {
        int open = -1;
        for (int i = level - 1; i >= 0; i--) {
            if (captureLength[i] == CAP_UNFINISHED) {
                open = i;
                break;
            }
        }
        if (open < 0) {
            throw new LuaError("invalid pattern capture");
        }
        captureLength[open] = si - captureStart[open];
        int end = match(si, pi);
        if (end == -1) {
            captureLength[open] = CAP_UNFINISHED;
        }
        return end;
    }

    private int matchBalance(int si, int pi) {
        if (pi + 1 >= pLength) {
            throw new LuaError("malformed pattern (missing arguments to '%b')");
        }
        if (si >= sLength || subjectByte(si) != patternByte(pi)) {
            return -1;
        }
        int open = patternByte(pi);
        int close = patternByte(pi + 1);
        int depth = 1;
        while (++si < sLength) {
            step();
            int c = subjectByte(si);
            if (c == close) {
                if (--depth == 0) {
                    return si + 1;
                }
            } else if (c == open) {
                depth++;
            }
        }
        return -1;
    }

    private int matchCapture(int si, int digit) {
        int index = checkedCapture(digit - '1');
        int length = captureLength[index];
        if (sLength - si < length) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            step();
            if (s[sOffset + captureStart[index] + i] != s[sOffset + si + i]) {
                return -1;
            }
        }
        return si + length;
    }

    private int checkedCapture(int index) {
        if (index < 0 || index >= level || captureLength[index] == CAP_UNFINISHED) {
            throw new LuaError("invalid capture index %" + (index + 1));
        }
        return index;
    }

    /** Capture {@code i} of the match {@code [si, ei)}: the whole match when the pattern has none. */
    LuaValue capture(int i, int si, int ei) {
        if (i >= level) {
            if (i != 0) {
                throw new LuaError("invalid capture index %" + (i + 1));
            }
            return LuaString.valueOf(s, sOffset + si, ei - si);
        }
        int length = captureLength[i];
        if (length == CAP_UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        if (length == CAP_POSITION) {
            return LuaValue.valueOf(captureStart[i] + 1);
        }
        return LuaString.valueOf(s, sOffset + captureStart[i], length);
    }
}
