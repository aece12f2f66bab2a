package dev.heapscope.export;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.ParsedLog;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The report's "Board and firmware" section: banners, digests, resets, crashes, dialects. */
final class BoardSection {
    private final BoardLog board;
    private final ParsedLog log;

    BoardSection(ParsedLog log) {
        this.board = BoardLog.of(log);
        this.log = log;
    }

    void write(Appendable out) throws IOException {
        List<BoardEvent.Banner> banners = board.all(BoardEvent.Banner.class);
        Set<BoardEvent.Banner> firmwares = new LinkedHashSet<>(banners);
        out.append("<dl id=\"board-facts\">\n<dt>Firmware</dt>");
        if (firmwares.isEmpty()) {
            out.append("<dd class=\"muted\">no NodeMCU banner in the log</dd>\n");
        }
        for (BoardEvent.Banner banner : firmwares) {
            out.append("<dd class=\"banner\">NodeMCU build ");
            Markup.escape(orUnknown(banner.build()), out);
            out.append(", Lua ");
            Markup.escape(orUnknown(banner.luaVersion()), out);
            if (!banner.luaFlavour().isEmpty()) {
                out.append(" [");
                Markup.escape(banner.luaFlavour(), out);
                out.append(']');
            }
            out.append(", IDF v");
            Markup.escape(orUnknown(banner.idfVersion()), out);
            out.append("</dd>\n");
        }
        out.append("<dt>Boots</dt><dd>").append(Integer.toString(banners.size())).append(" banner(s), ")
                .append(Integer.toString(board.all(BoardEvent.Reset.class).size())).append(" reset line(s), ")
                .append(Integer.toString(board.all(BoardEvent.Crash.class).size())).append(" crash(es)</dd>\n");
        out.append("<dt>ELF SHA256</dt>");
        Set<String> digests = new LinkedHashSet<>();
        board.all(BoardEvent.ElfSha256.class).forEach(sha -> digests.add(sha.hexPrefix()));
        if (digests.isEmpty()) {
            out.append("<dd class=\"muted\">not printed</dd>\n");
        }
        for (String digest : digests) {
            out.append("<dd><code>");
            Markup.escape(digest, out);
            out.append("</code></dd>\n");
        }
        dialects(out, firmwares);
        out.append("</dl>\n");
        if (board.eventsLeftOut() > 0) {
            out.append("<p class=\"muted\">").append(Long.toString(board.eventsLeftOut()))
                    .append(" further board event(s) left out.</p>\n");
        }
        events(out);
    }

    private void dialects(Appendable out, Set<BoardEvent.Banner> firmwares) throws IOException {
        Set<Dialect> seen = new LinkedHashSet<>();
        log.dumps().stream().map(Dump::dialect).forEach(seen::add);
        out.append("<dt>Dump dialect</dt><dd id=\"dialects\">");
        out.append(seen.isEmpty() ? "no dump" : String.join(", ", seen.stream().map(Dialect::name).toList()));
        out.append("</dd>\n");
        for (BoardEvent.Banner banner : firmwares) {
            Optional<Dialect> expected = Dialect.printedBy(banner.idfVersion());
            if (expected.isEmpty()) {
                continue;
            }
            boolean matches = seen.isEmpty() || seen.equals(Set.of(expected.get()));
            out.append("<dd").append(matches ? ">" : " class=\"warn\">").append("IDF v");
            Markup.escape(banner.idfVersion(), out);
            out.append(" prints dialect ").append(expected.get().name());
            out.append(matches ? "" : "; the dumps do not match (another firmware, or a mislabelled log)");
            out.append("</dd>\n");
        }
    }

    private void events(Appendable out) throws IOException {
        List<LineEvent> notable = board.events().stream()
                .filter(e -> e.event() instanceof BoardEvent.Reset || e.event() instanceof BoardEvent.Crash).toList();
        if (notable.isEmpty()) {
            out.append("<p class=\"muted\">No reset or crash in the log.</p>\n");
            return;
        }
        out.append("<table id=\"board-events\"><thead><tr><th class=\"n\">Line</th><th>Event</th><th>Details</th>"
                + "</tr></thead><tbody>\n");
        for (LineEvent lineEvent : notable) {
            out.append("<tr><td class=\"n\">").append(Long.toString(lineEvent.lineNumber())).append("</td>");
            if (lineEvent.event() instanceof BoardEvent.Reset reset) {
                out.append("<td>reset</td><td>rst:0x").append(Integer.toHexString(Math.max(reset.reasonCode(), 0)))
                        .append(" (");
                Markup.escape(reset.reason(), out);
                out.append(')');
                if (!reset.bootMode().isEmpty()) {
                    out.append(", boot ");
                    Markup.escape(reset.bootMode(), out);
                }
            } else if (lineEvent.event() instanceof BoardEvent.Crash crash) {
                out.append("<td class=\"warn\">crash</td><td>");
                if (crash.core() >= 0) {
                    out.append("core ").append(Integer.toString(crash.core())).append(": ");
                }
                Markup.escape(crash.reason(), out);
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static String orUnknown(String text) {
        return text.isEmpty() ? "?" : text;
    }
}
