package dev.heapscope.session;

import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.model.Symbol;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.FirmwareIdentity;

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

    private SavedSession(SessionManifest manifest, byte[] transcript, ParsedLog log, List<Marker> markers,
                         List<HeapSample> samples, List<SessionSnapshot.SentCommand> commands) {
        this.manifest = manifest;
        this.transcript = transcript;
        this.log = log;
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
        ParsedLog log = parse(transcript, timesOf(snapshot.dumps()));
        SessionManifest manifest = new SessionManifest(SessionManifest.FORMAT_VERSION, Instant.now().toString(),
                SessionManifest.HEAPSCOPE_VERSION, snapshot.board(), profile, dialectsOf(log.dumps()),
                elfFile == null ? null : elfFile.toAbsolutePath().toString(), sha256(elfFile),
                log.dumps().size(), snapshot.markers().size(), snapshot.samples().size(), snapshot.commands().size(),
                transcript.length);
        return new SavedSession(manifest, transcript.clone(), log, snapshot.markers(), snapshot.samples(), snapshot.commands());
    }

    /** Reassembles the parts read from a file or an autosave folder. */
    static SavedSession assemble(SessionManifest manifest, byte[] transcript, List<Marker> markers, List<HeapSample> samples,
                                 List<SessionSnapshot.SentCommand> commands, List<SessionJson.DumpTime> times) {
        return new SavedSession(manifest, transcript, parse(transcript, times), markers, samples, commands);
    }

    public SessionManifest manifest() {
        return manifest;
    }

    /** The dumps, symbols and line counts read from the transcript. */
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
                parsed.truncatedLines());
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
