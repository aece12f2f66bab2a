package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.model.LuaAllocationProfile;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/** The allocation profile as text (top lines, top stacks, overhead, what was dropped) and as JSON. */
final class ProfileReport {
    private final LuaAllocationProfile profile;

    ProfileReport(LuaAllocationProfile profile) {
        this.profile = profile;
    }

    void writeText(PrintStream out, int top) {
        out.printf("Lua allocations: %,d bytes on %d line(s), %d stack(s)%s%n", profile.totalBytes(),
                profile.lines().size(), profile.stacks().size(), profile.complete() ? "" : " (INCOMPLETE)");
        out.println("Sampling: " + sampling());
        out.println("Overhead: " + overhead());
        var dropped = profile.dropped();
        out.printf("Dropped:  %d line(s), %d stack(s), %,d bytes did not fit the board's tables%n",
                dropped.lines(), dropped.stacks(), dropped.bytes());
        if (profile.ownBytes() >= 0) {
            out.printf("Excluded: %,d bytes the profiler's own hook allocated over %,d calls (not counted above)%n", profile.ownBytes(),
                    profile.hooks());
        }
        out.println();
        out.println("Top lines by bytes:");
        out.printf("  %10s %8s  %s%n", "bytes", "count", "line");
        for (var line : profile.linesByBytes().stream().limit(top).toList()) {
            out.printf("  %,10d %,8d  %s%n", line.bytes(), line.count(), line.where());
        }
        out.println();
        out.println("Top stacks by bytes (innermost first):");
        for (var stack : profile.stacksByBytes().stream().limit(top).toList()) {
            out.printf("  %,10d %,8d  %s%n", stack.bytes(), stack.count(), innermostFirst(stack));
        }
        if (!profile.complete()) {
            out.println();
            out.println("Incomplete: " + profile.problem());
        }
    }

    private String sampling() {
        String lines = profile.lineEvents() ? "every line" : "no line events";
        return profile.interval() > 0 ? lines + ", and a count event every " + profile.interval() + " instructions" : lines;
    }

    private String overhead() {
        var overhead = profile.overhead();
        if (overhead == null) {
            return "not known (the end line did not arrive)";
        }
        if (overhead.baseMicros() < 0) {
            return String.format(Locale.ROOT, "%,d us with the hook; without it not measured", overhead.hookedMicros());
        }
        double factor = overhead.factor();
        return String.format(Locale.ROOT, "%,d us with the hook, %,d us without (%s)%s", overhead.hookedMicros(),
                overhead.baseMicros(), overhead.baseKind(),
                Double.isNaN(factor) ? "" : String.format(Locale.ROOT, ": %.1fx", factor));
    }

    private static String innermostFirst(LuaAllocationProfile.Stack stack) {
        var frames = new java.util.ArrayList<>(stack.outermostFirst());
        java.util.Collections.reverse(frames);
        return frames.stream().map(LuaAllocationProfile.Frame::label).collect(Collectors.joining(" <- "));
    }

    void writeJson(JsonGenerator json) throws IOException {
        json.writeBooleanField("complete", profile.complete());
        if (profile.problem() != null) {
            json.writeStringField("problem", profile.problem());
        }
        json.writeNumberField("interval", profile.interval());
        json.writeBooleanField("lineEvents", profile.lineEvents());
        json.writeNumberField("totalBytes", profile.totalBytes());
        json.writeNumberField("hooks", profile.hooks());
        json.writeNumberField("ownBytes", profile.ownBytes());
        var overhead = profile.overhead();
        if (overhead != null) {
            json.writeObjectFieldStart("overhead");
            json.writeNumberField("hookedMicros", overhead.hookedMicros());
            json.writeNumberField("baseMicros", overhead.baseMicros());
            json.writeStringField("base", overhead.baseKind());
            json.writeEndObject();
        }
        json.writeObjectFieldStart("dropped");
        json.writeNumberField("lines", profile.dropped().lines());
        json.writeNumberField("stacks", profile.dropped().stacks());
        json.writeNumberField("bytes", profile.dropped().bytes());
        json.writeEndObject();
        json.writeArrayFieldStart("lines");
        for (var line : profile.linesByBytes()) {
            json.writeStartObject();
            json.writeStringField("source", line.source());
            json.writeNumberField("line", line.line());
            json.writeNumberField("bytes", line.bytes());
            json.writeNumberField("count", line.count());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("stacks");
        for (var stack : profile.stacksByBytes()) {
            json.writeStartObject();
            json.writeArrayFieldStart("frames"); // outermost first, as folded stacks are
            for (var frame : stack.outermostFirst()) {
                json.writeString(frame.label());
            }
            json.writeEndArray();
            json.writeNumberField("bytes", stack.bytes());
            json.writeNumberField("count", stack.count());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
