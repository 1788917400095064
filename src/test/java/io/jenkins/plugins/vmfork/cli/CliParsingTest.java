package io.jenkins.plugins.vmfork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.ParseResult;

/** What every command accepts and how it answers wrong input, without a vCenter: nothing here connects. */
class CliParsingTest {

    /** Enough to get past the connection options, towards a vCenter that does not exist. */
    private static final Map<String, String> ENV =
            Map.of("VMFORK_URL", "https://127.0.0.1:9/sdk", "VMFORK_USER", "ci@vsphere.local", "VMFORK_PASSWORD", "pw");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "parent",
                "parent enable",
                "parent status",
                "parent disable",
                "child",
                "child create",
                "child destroy",
                "child list",
                "sweep",
                "demo"
            })
    void everyCommandHasHelpWithExamplesAndExitCodes(String command) {
        List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
        args.add("--help");

        Run run = Run.of(args.toArray(String[]::new));

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("Usage: vmfork " + command)
                .contains("Examples:")
                .contains("Exit codes:")
                .contains("130   interrupted");
        assertThat(run.out().lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void childCreateReadsEveryOption() {
        ParseResult parsed = Main.parse(
                terminal(),
                "child",
                "create",
                "ci-parent",
                "--name",
                "pr-7",
                "--persistent",
                "--param",
                "guestinfo.branch=main",
                "--param",
                "guestinfo.query=a=b",
                "--param",
                "guestinfo.empty=",
                "--wait-ip",
                "--mode",
                "instant-clone",
                "--folder",
                "ci",
                "--pool",
                "pool-1",
                "--datastore",
                "ds1",
                "--timeout",
                "90s",
                "--owner",
                "team-a",
                "--json");

        ChildCommand.Create create = command(parsed, ChildCommand.Create.class);
        assertThat(create.parent).isEqualTo("ci-parent");
        assertThat(create.name).isEqualTo("pr-7");
        assertThat(create.persistent).isTrue();
        assertThat(create.waitIp).isTrue();
        assertThat(create.mode).isEqualTo(ForkMode.INSTANT_CLONE);
        assertThat(List.of(create.folder, create.pool, create.datastore, create.owner))
                .containsExactly("ci", "pool-1", "ds1", "team-a");
        assertThat(create.timeout).isEqualTo(Duration.ofSeconds(90));
        assertThat(ChildCommand.params(create.params))
                .containsExactly(
                        Map.entry("guestinfo.branch", "main"),
                        Map.entry("guestinfo.query", "a=b"),
                        Map.entry("guestinfo.empty", ""));
        assertThat(((VmforkCommand) parsed.commandSpec().userObject()).json).isTrue();
    }

    @Test
    void childCreateDefaultsToAutoModeNoIpWaitAndTheCliOwner() {
        ChildCommand.Create create = command(Main.parse(terminal(), "child", "create", "p"), ChildCommand.Create.class);

        assertThat(create.mode).isEqualTo(ForkMode.AUTO);
        assertThat(create.waitIp).isFalse();
        assertThat(create.owner).isEqualTo("cli");
        assertThat(create.timeout).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30m", "2h", "1d", "1h30m", "PT2H", "pt30m", "P1D", "0s", "45s", "500ms"})
    void sweepTakesShortAndIsoDurations(String text) {
        SweepCommand sweep = command(Main.parse(terminal(), "sweep", "--older-than", text), SweepCommand.class);

        Duration expected =
                switch (text) {
                    case "30m", "pt30m" -> Duration.ofMinutes(30);
                    case "2h", "PT2H" -> Duration.ofHours(2);
                    case "1d", "P1D" -> Duration.ofDays(1);
                    case "1h30m" -> Duration.ofMinutes(90);
                    case "45s" -> Duration.ofSeconds(45);
                    case "500ms" -> Duration.ofMillis(500);
                    default -> Duration.ZERO;
                };
        assertThat(sweep.olderThan).isEqualTo(expected);
    }

    @Test
    void durationsArePrintedTheWayTheyAreWritten() {
        assertThat(List.of(Duration.ofMinutes(90), Duration.ofDays(1), Duration.ZERO, Duration.ofMillis(1500)))
                .map(Durations::format)
                .containsExactly("1h30m", "1d", "0s", "1s500ms");
    }

    @Test
    void parentEnableCollectsCommandsInOrder() {
        ParentCommand.Enable enable = command(
                Main.parse(
                        terminal(),
                        "parent",
                        "enable",
                        "vm-42",
                        "--guest-user",
                        "root",
                        "--before-command",
                        "systemctl stop cron",
                        "--before-command",
                        "sync",
                        "--quiesce-command",
                        "/usr/local/sbin/vmfork-quiesce",
                        "--timeout",
                        "10m"),
                ParentCommand.Enable.class);

        assertThat(enable.target.parent).isEqualTo("vm-42");
        assertThat(enable.beforeCommands).containsExactly("systemctl stop cron", "sync");
        assertThat(enable.quiesceCommand).isEqualTo("/usr/local/sbin/vmfork-quiesce");
        assertThat(enable.timeout).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void badDurationNamesTheValueAndTheAcceptedForms() {
        Run run = Run.of(ENV, "sweep", "--older-than", "2x");

        assertUsage(run, "Invalid value for option '--older-than': '2x' is not a duration: use e.g. 30s, 30m, 2h");
        assertThat(run.err()).contains("See 'vmfork sweep --help'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999d", "999999999999999d", "P999999999999D", "3651d"})
    void hugeDurationsAreRefusedNamingTheValue(String text) {
        assertUsage(
                Run.of(ENV, "sweep", "--older-than", text),
                "Invalid value for option '--older-than': '" + text + "' is too long a duration: give at most 3650d");
    }

    @Test
    void sweepWithoutAnAgeIsRefused() {
        assertUsage(Run.of(ENV, "sweep", "ci-parent"), "Missing required option: '--older-than=DURATION'");
    }

    @Test
    void badParamNamesTheValue() {
        assertUsage(
                Run.of(ENV, "child", "create", "p", "--param", "branch"),
                "--param 'branch' is not KEY=VALUE: give e.g. --param guestinfo.branch=main");
        assertUsage(Run.of(ENV, "child", "create", "p", "--param", "=x"), "--param '=x' is not KEY=VALUE");
    }

    @Test
    void reservedTagParamIsRefusedBeforeConnecting() {
        assertUsage(
                Run.of(ENV, "child", "create", "p", "--param", "guestinfo.vmfork.owner=me"),
                "Config parameter 'guestinfo.vmfork.owner' is reserved");
    }

    @Test
    void badChildNameAndModeAreNamed() {
        assertUsage(Run.of(ENV, "child", "create", "p", "--name", "a/b"), "Child name 'a/b' is not valid");
        assertUsage(
                Run.of(ENV, "child", "create", "p", "--mode", "fast"),
                "'fast' is not a mode: use auto, vmfork or instant-clone");
    }

    @Test
    void missingParentIsNamed() {
        assertUsage(Run.of(ENV, "child", "create"), "Missing required parameter: 'PARENT'");
        assertUsage(Run.of(ENV, "parent", "status"), "Missing required parameter: 'PARENT'");
        assertUsage(Run.of(ENV, "child", "destroy"), "Missing required parameter: 'NAME_OR_ID'");
    }

    @Test
    void missingConnectionSettingsSayWhatToGive() {
        assertUsage(
                Run.of("parent", "status", "p"),
                "No vCenter given: give --url https://vcenter.example.com or " + "set VMFORK_URL");
        assertUsage(Run.of("parent", "status", "p", "--url", "vc"), "No vCenter user given: give --user USER");
        assertUsage(
                Run.of(Map.of("VMFORK_URL", "vc", "VMFORK_USER", "u"), "parent", "status", "p"),
                "No vCenter password given: set VMFORK_PASSWORD or give --password-file FILE");
        assertUsage(Run.of(ENV, "parent", "status", "p", "--url", "ftp://vc"), "vCenter URL 'ftp://vc' is not valid");
    }

    @Test
    void passwordFileProblemsNameTheFile(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Map<String, String> env = Map.of("VMFORK_URL", "vc", "VMFORK_USER", "u");

        assertUsage(
                Run.of(
                        env,
                        "parent",
                        "status",
                        "p",
                        "--password-file",
                        dir.resolve("nope").toString()),
                "--password-file " + dir.resolve("nope") + " does not exist");
        assertUsage(
                Run.of(env, "parent", "status", "p", "--password-file", empty.toString()),
                "--password-file " + empty + " is empty: put the password on its first line");
        assertUsage(
                Run.of(env, "parent", "status", "p", "--password-file", empty.toString(), "--password", "x"),
                "Give the vCenter password one way: --password-file or --password, not both");
    }

    @Test
    void trustOptionsAreChecked() {
        assertUsage(
                Run.of(ENV, "parent", "status", "p", "--thumbprint", "abc"),
                "Certificate thumbprint 'abc' is not a SHA-256 thumbprint");
        assertUsage(
                Run.of(ENV, "parent", "status", "p", "--thumbprint", "AB".repeat(32), "--insecure"),
                "--thumbprint and --insecure contradict each other");
    }

    @Test
    void plainHttpIsRefusedUnlessInsecureAcceptsItWithAWarning() {
        Map<String, String> http =
                Map.of("VMFORK_URL", "http://127.0.0.1:9", "VMFORK_USER", "u", "VMFORK_PASSWORD", "pw");

        assertUsage(
                Run.of(http, "parent", "status", "p"),
                "--url http://127.0.0.1:9/sdk is plain HTTP: the vCenter password would cross the network unencrypted."
                        + " Use https://, or add --insecure");
        assertUsage(
                Run.of(http, "parent", "status", "p", "--thumbprint", "AB".repeat(32)),
                "--thumbprint cannot be checked over plain HTTP (http://127.0.0.1:9/sdk)");

        Run accepted = Run.of(http, "parent", "status", "p", "--insecure");
        assertThat(accepted.code()).as(accepted.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(accepted.err()).contains("vmfork: warning: Plain HTTP to 127.0.0.1:9: the password crosses");
    }

    @Test
    void guestCommandsNeedTheGuestAccount(@TempDir Path dir) {
        assertUsage(
                Run.of(ENV, "parent", "enable", "p", "--quiesce-command", "x"),
                "--quiesce-command and --before-command run in the guest: give --guest-user");
        assertUsage(
                Run.of(ENV, "parent", "enable", "p", "--guest-user", "root"),
                "No guest password for 'root' given: set VMFORK_GUEST_PASSWORD or give --guest-password-file");
        assertUsage(
                Run.of(
                        ENV,
                        "parent",
                        "enable",
                        "p",
                        "--guest-password-file",
                        dir.resolve("pw").toString()),
                "--guest-password-file needs --guest-user");
        assertUsage(
                Run.of(ENV, "child", "create", "p", "--post-fork-command", "true"),
                "--post-fork-command runs in the child's guest: give --guest-user");
        assertUsage(
                Run.of(ENV, "child", "create", "p", "--guest-user", ""),
                "--guest-user is empty: give the guest account's user name");
    }

    @Test
    void aPasswordFileThatIsNotUtf8IsNamedSo(@TempDir Path dir) throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1"), new byte[] {'p', (byte) 0xE4, 's', 's'});

        assertUsage(
                Run.of(ENV, "parent", "status", "p", "--password-file", latin1.toString()),
                "--password-file " + latin1 + " is not UTF-8 text");
    }

    @Test
    void timeoutsMustBeMoreThanZero() {
        assertUsage(
                Run.of(ENV, "child", "create", "p", "--timeout", "0s"),
                "Invalid value for option '--timeout': '0s' is no time to wait: give more than 0s");
        assertUsage(Run.of(ENV, "parent", "enable", "p", "--timeout", "PT0S"), "'PT0S' is no time to wait");
    }

    @Test
    void theThumbprintComesFromTheEnvironmentToo() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("VMFORK_THUMBPRINT", "not-hex");

        assertUsage(Run.of(env, "parent", "status", "p"), "Certificate thumbprint 'not-hex' is not a SHA-256");
        assertThat(Run.of("parent", "status", "--help").out()).contains("$VMFORK_THUMBPRINT");
    }

    @Test
    void verboseShowsNoStackTraceForAUsageError() {
        assertUsage(Run.of(ENV, "-v", "parent", "status", "p", "--thumbprint", "abc"), "'abc'");
    }

    @Test
    void theDemoDoesNotOfferJsonAndTheTopHelpSaysItTakesNoConnection() {
        assertThat(Run.of("demo", "--help").out()).doesNotContain("--json");
        assertUsage(Run.of("demo", "--json"), "Unknown option: '--json'");
        assertThat(Run.of("--help").out()).contains("every command that talks to vCenter (all but demo)");
        assertThat(Run.of("child", "create", "--help").out())
                .contains("$VMFORK_PASSWORD holds the password")
                .doesNotContain("(default: $VMFORK_PASSWORD)");
    }

    @Test
    void unknownCommandsAndOptionsGetSuggestions() {
        assertUsage(
                Run.of("parent", "frobnicate"),
                "'frobnicate' is not a command of 'vmfork parent': use enable, status, disable");
        assertUsage(Run.of("child"), "'vmfork child' needs a command: create, destroy, list");
        assertUsage(Run.of("child", "list", "--tumbprint", "x"), "did you mean --thumbprint?");
    }

    @Test
    void demoOptionsAreChecked() {
        assertUsage(Run.of("demo", "--children", "0"), "--children 0 is out of range: give 1 to 20");
        assertUsage(Run.of("demo", "--mode", "auto"), "--mode 'auto' is not a demo mode: use vmfork or instant-clone");
        assertUsage(Run.of("--json", "demo"), "The demo prints steps for people, not JSON");
    }

    @Test
    void plainPasswordWorksButWarns() {
        Run run = Run.of(
                Map.of("VMFORK_URL", "https://127.0.0.1:9/sdk", "VMFORK_USER", "u"),
                "parent",
                "status",
                "p",
                "--password",
                "s3cret",
                "--insecure");

        assertThat(run.err()).contains("vmfork: warning: --password puts the password in the process list");
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.all()).doesNotContain("s3cret");
    }

    private static void assertUsage(Run run, String message) {
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .as(run.toString())
                .startsWith("vmfork: ")
                .contains(message)
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    private static <T> T command(ParseResult parsed, Class<T> type) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        return type.cast(last.commandSpec().userObject());
    }

    private static Terminal terminal() {
        return new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), null);
    }
}
