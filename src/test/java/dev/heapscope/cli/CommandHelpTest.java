package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared options (mixins) keep each command's own words in its help. */
class CommandHelpTest {

    @Test
    void everyOptionAndParameterOfEveryCommandHasADescriptionAndAResolvedLabel() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        CommandLine main = Main.commandLine(sink, sink);
        List<String> checked = new ArrayList<>();
        main.getSubcommands().forEach((name, sub) -> {
            CommandSpec spec = sub.getCommandSpec();
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                String what = name + " " + arg.paramLabel();
                assertThat(String.join(" ", arg.description())).as(what).isNotBlank().doesNotContain("${");
                assertThat(arg.paramLabel()).as(what).doesNotContain("${");
                checked.add(what);
            }
        });
        assertThat(checked).hasSizeGreaterThan(40);
    }

    @Test
    void theSharedInputJsonAndOutputOptionsSayWhatTheyMeanForEachCommand() {
        assertThat(help("analyze")).contains("FILE the console log or saved session (.heapscope) to read")
                .contains("[--json | --folded | --text] FILE");
        assertThat(help("diff")).contains("BEFORE [AFTER]").contains("log holding the 'before' dump")
                .contains("--json the diff as JSON");
        assertThat(help("export")).contains("INPUT a console log, a saved session (.heapscope), or folded")
                .contains("-o, --output=FILE write here instead of standard output");
        assertThat(help("report")).contains("INPUT the console log or saved session (.heapscope) to report on")
                .contains("where to write (default: standard output)");
        assertThat(help("run")).contains("the analyze JSON plus frames per record and a")
                .contains("--fail-on-leak=BYTES exit with code 3 when more than BYTES bytes leaked")
                .contains("--board=<board> board profile name or .properties file");
        assertThat(help("hunt")).contains("--json the same JSON as run")
                .contains("exit with code 3 when more than BYTES bytes leaked");
        assertThat(help("sim")).contains("--board=<board> board profile name or .properties file");
    }

    private static String help(String command) {
        CliRunner result = CliRunner.run(command, "--help");
        assertThat(result.exitCode()).isZero();
        return result.out().replaceAll("\\s+", " "); // picocli wraps and aligns columns
    }
}
