package dev.heapscope.session;

import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Symbol;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.FirmwareIdentity;
import dev.heapscope.symbols.SymbolTable;
import dev.heapscope.symbols.Symbolizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A finished session, opened from a {@code .heapscope} file or recovered from an autosave: immutable.
 * The raw transcript is the source of truth: its dumps are parsed from it again on every open (with
 * the host times they arrived at, when those were kept), so a better parser improves old sessions.
 */
public final class SavedSession {
    private final SessionManifest manifest;
    private final byte[] transcript;
    private final ParsedLog log;
    private final List<Marker> markers;
    private final List<HeapSample> samples;
    private final List<SessionSnapshot.SentCommand> commands;
    private final SessionNames names;
    private final List<HeapSnapshot> heapSnapshots;
    private volatile TranscriptProfiles.Found profiles;

    private SavedSession(SessionManifest manifest, byte[] transcript, ParsedLog log, List<Marker> markers,
                         List<HeapSample> samples, List<SessionSnapshot.SentCommand> commands, SessionNames names,
                         List<HeapSnapshot> heapSnapshots) {
        this.manifest = manifest;
        this.heapSnapshots = List.copyOf(heapSnapshots);
        this.transcript = transcript;
        this.log = withNames(log, names);
        this.names = names;
        this.markers = List.copyOf(markers);
        this.samples = List.copyOf(samples);
        this.commands = List.copyOf(commands);
    }

    /**
     * What a live session holds now, ready to save.
     *
     * @param profile board profile name, or null
     * @param elfFile the firmware ELF used for symbols, or null; hashed when readable
     */
    public static SavedSession of(SessionSnapshot snapshot, byte[] transcript, String profile, Path elfFile) {
        return of(snapshot, transcript, profile, elfFile, Symbolizer.NONE, HeldBy.UNKNOWN);
    }

    /**
     * As {@link #of(SessionSnapshot, byte[], String, Path)}, keeping the names and retaining paths the live
     * session showed for its dumps ({@code names}: the virtual board's symbols, an ELF's; {@code heldBy}:
     * the virtual board's), so that the file shows them in any process.
     */
    public static SavedSession of(SessionSnapshot snapshot, byte[] transcript, String profile, Path elfFile,
                                  Symbolizer names, HeldBy heldBy) {
        return of(snapshot, transcript, profile, elfFile, names, heldBy, List.of());
    }

    /**
     * As {@link #of(SessionSnapshot, byte[], String, Path, Symbolizer, HeldBy)}, keeping the heap snapshots the
     * live session showed in Retained by ({@code heapSnapshots}, oldest first: the virtual board's own and the
     * agent's, with their numbers and labels), so that the file shows the same list in any process.
     */
    public static SavedSession of(SessionSnapshot snapshot, byte[] transcript, String profile, Path elfFile,
                                  Symbolizer names, HeldBy heldBy, List<HeapSnapshot> heapSnapshots) {
        ParsedLog log = parse(transcript, timesOf(snapshot.dumps()));
        SessionManifest manifest = new SessionManifest(SessionManifest.FORMAT_VERSION, Instant.now().toString(),
                SessionManifest.HEAPSCOPE_VERSION, snapshot.board(), profile, dialectsOf(log.dumps()),
                elfFile == null ? null : elfFile.toAbsolutePath().toString(), sha256(elfFile),
                log.dumps().size(), snapshot.markers().size(), snapshot.samples().size(), snapshot.commands().size(),
                transcript.length);
        SessionNames kept = SessionNames.of(log.dumps(), names, heldBy);
        return new SavedSession(manifest, transcript.clone(), log, snapshot.markers(), snapshot.samples(),
                snapshot.commands(), kept, heapSnapshots);
    }

    /** Reassembles the parts read from a file or an autosave folder. */
    static SavedSession assemble(SessionManifest manifest, byte[] transcript, List<Marker> markers, List<HeapSample> samples,
                                 List<SessionSnapshot.SentCommand> commands, List<SessionJson.DumpTime> times,
                                 SessionNames names, List<HeapSnapshot> heapSnapshots) {
        return new SavedSession(manifest, transcript, parse(transcript, times), markers, samples, commands,
                names == null ? SessionNames.NONE : names, heapSnapshots == null ? List.of() : heapSnapshots);
    }

    public SessionManifest manifest() {
        return manifest;
    }

    /** The names and retaining paths kept with the session (none in files older than them). */
    public SessionNames names() {
        return names;
    }

    /** Names for the frames of its dumps, as the live session named them, then the transcript's monitor names. */
    public Symbolizer symbolizer() {
        return tableOf(log.symbols());
    }

    /**
     * The heap snapshots the session showed in Retained by, oldest first, as they were shown (numbers, labels with
     * their origin and INCOMPLETE marks, objects with sizes and retaining paths); none in files older than them.
     */
    public List<HeapSnapshot> heapSnapshots() {
        return heapSnapshots;
    }

    /**
     * The Lua allocation profiles its transcript holds, read again from the profiler's lines (cut where the board
     * reset, as live), in the order they ended; bounded (at most {@link TranscriptProfiles#MAX_PROFILES}). Read
     * on the first call, off the caller's thread only if the caller makes it so.
     */
    public List<LuaAllocationProfile> luaProfiles() {
        TranscriptProfiles.Found found = profiles;
        if (found == null) {
            found = TranscriptProfiles.read(transcript, log.events());
            profiles = found;
        }
        return found.profiles();
    }

    /** What held each record's block when the live session printed its dump; unknown where it was not known. */
    public HeldBy heldBy() {
        return names.heldBy();
    }

    /** The dumps, symbols and line counts read from the transcript; its symbols include the saved names. */
    public ParsedLog log() {
        return log;
    }

    public List<Dump> dumps() {
        return log.dumps();
    }

    public List<Symbol> symbols() {
        return log.symbols();
    }

    /** The session as the views show a saved one: disconnected, with what its transcript and files hold. */
    public SessionSnapshot snapshot() {
        return new SessionSnapshot(ConnectionState.DISCONNECTED, TraceState.UNKNOWN, null, manifest.board(), dumps(),
                samples, markers, commands, symbols(), log.events(), transcript.length);
    }

    public List<Marker> markers() {
        return markers;
    }

    public List<HeapSample> samples() {
        return samples;
    }

    public List<SessionSnapshot.SentCommand> commands() {
        return commands;
    }

    public long transcriptBytes() {
        return transcript.length;
    }

    /** Every byte the board sent, in order (a copy). */
    public byte[] transcript() {
        return transcript.clone();
    }

    public InputStream openTranscript() {
        return new ByteArrayInputStream(transcript);
    }

    List<SessionJson.DumpTime> dumpTimes() {
        return timesOf(log.dumps());
    }

    private static List<SessionJson.DumpTime> timesOf(List<Dump> dumps) {
        List<SessionJson.DumpTime> times = new ArrayList<>();
        for (Dump dump : dumps) {
            times.add(new SessionJson.DumpTime(dump.index(), dump.receivedAtMillis()));
        }
        return times;
    }

    private static ParsedLog parse(byte[] transcript, List<SessionJson.DumpTime> times) {
        ParsedLog parsed;
        try {
            parsed = new LogParser().parse(new ByteArrayInputStream(transcript));
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        List<Dump> dumps = new ArrayList<>(parsed.dumps());
        for (SessionJson.DumpTime time : times) {
            int i = time.index();
            if (i >= 0 && i < dumps.size() && dumps.get(i).receivedAtMillis() < 0 && time.receivedAtMillis() >= 0) {
                Dump d = dumps.get(i);
                dumps.set(i, new Dump(d.index(), d.dialect(), d.complete(), d.header(), d.records(), d.summary(),
                        d.warnings(), d.firstLine(), d.lastLine(), time.receivedAtMillis()));
            }
        }
        return new ParsedLog(dumps, parsed.symbols(), parsed.events(), parsed.eventsLeftOut(), parsed.lines(),
                parsed.truncatedLines(), parsed.symbolsLeftOut());
    }

    private static ParsedLog withNames(ParsedLog log, SessionNames names) {
        if (names.symbols().isEmpty()) {
            return log;
        }
        return new ParsedLog(log.dumps(), names.mergedWith(log.symbols()), log.events(), log.eventsLeftOut(),
                log.lines(), log.truncatedLines(), log.symbolsLeftOut());
    }

    private static SymbolTable tableOf(List<Symbol> symbols) {
        SymbolTable table = new SymbolTable();
        symbols.forEach(table::add);
        return table;
    }

    static List<String> dialectsOf(List<Dump> dumps) {
        Set<String> seen = new LinkedHashSet<>();
        dumps.forEach(d -> seen.add(d.dialect().name()));
        return List.copyOf(seen);
    }

    static String sha256(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return FirmwareIdentity.sha256Hex(file); // the digest the firmware check compares, saved with the session
        } catch (IOException e) {
            return null;
        }
    }
}
