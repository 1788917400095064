package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code vmfork} command line: runs one command, and turns every failure into one line and an exit code. */
public final class Main {

    /**
     * The loggers that --verbose opens: vmfork's own and yavijava's (through slf4j-jdk14). Held here because
     * java.util.logging forgets the level of a logger nobody references.
     */
    private static final List<Logger> OPENED =
            List.of(Logger.getLogger("io.jenkins.plugins.vmfork"), Logger.getLogger("com.vmware"));

    /** How long Ctrl-C waits for a command to undo what it made: a destroy has a deadline of its own. */
    private static final long CTRL_C_GRACE_SECONDS = 300;

    private Main() {}

    public static void main(String[] args) {
        int code = run(Terminal.system(), args);
        System.exit(code);
    }

    /**
     * Runs one command line and returns its exit code. On Ctrl-C the JVM ends as soon as its shutdown hooks return;
     * the hook here first interrupts the command and waits for it, because an interrupted fork destroys the child
     * it made, and its one-line message is still to be printed.
     */
    public static int run(Terminal terminal, String... args) {
        Thread command = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger(ExitCodes.INTERRUPTED);
        Thread hook = new Thread(() -> interruptAndWait(command, finished, code), "vmfork Ctrl-C");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            code.set(commandLine(terminal).execute(args));
            return code.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running and lets it end now
            }
        }
    }

    /**
     * A JVM ended by a signal exits with 128 + the signal whatever its main thread returns. A command that still
     * succeeded (Ctrl-C came after {@code child create} had printed its child, which is then kept) must say so:
     * its exit code is given here. Only then, because a halt does not wait for the other hooks; the demo's own hook
     * has finished before the demo returns.
     */
    private static void interruptAndWait(Thread command, CountDownLatch finished, AtomicInteger code) {
        command.interrupt();
        try {
            if (finished.await(CTRL_C_GRACE_SECONDS, TimeUnit.SECONDS) && code.get() == ExitCodes.OK) {
                Runtime.getRuntime().halt(ExitCodes.OK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static CommandLine commandLine(Terminal terminal) {
        VmforkCommand root = new VmforkCommand(terminal);
        CommandLine commandLine = new CommandLine(root)
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setUsageHelpWidth(100)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(parseResult -> {
                    configureLogging(root.verbose, terminal);
                    return new CommandLine.RunLast().execute(parseResult);
                })
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> failure(e, root));
        addExitCodes(commandLine);
        withoutJson(commandLine.getSubcommands().get("demo"));
        return commandLine;
    }

    /** The demo prints steps for people: its help does not offer --json ('vmfork --json demo' is refused). */
    private static void withoutJson(CommandLine demo) {
        CommandSpec spec = demo.getCommandSpec();
        spec.remove(spec.findOption("--json"));
    }

    private static void addExitCodes(CommandLine commandLine) {
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.descriptions())
                .sortOptions(false);
        commandLine.getSubcommands().values().forEach(Main::addExitCodes);
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println("vmfork: " + usageMessage(e, command, name));
        command.getErr().println("See '" + name + " --help'.");
        command.getErr().flush();
        return ExitCodes.USAGE;
    }

    private static String usageMessage(ParameterException e, CommandLine command, String name) {
        String commands = String.join(", ", command.getSubcommands().keySet());
        if (e.getMessage().startsWith("Missing required subcommand")) {
            return "'" + name + "' needs a command: " + commands;
        }
        if (e instanceof UnmatchedArgumentException unmatched
                && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "'" + unmatched.getUnmatched().get(0) + "' is not a command of '" + name + "': use " + commands;
        }
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            List<String> similar =
                    similarOptions(command, unmatched.getUnmatched().get(0));
            if (!similar.isEmpty()) {
                return e.getMessage() + " (did you mean " + String.join(" or ", similar) + "?)";
            }
        }
        return e.getMessage();
    }

    /** Option names at most two typing mistakes away from what was given, e.g. --thumbprint for --tumbprint. */
    private static List<String> similarOptions(CommandLine command, String given) {
        String typed = given.replaceFirst("=.*", "");
        return command.getCommandSpec().options().stream()
                .flatMap(option -> Arrays.stream(option.names()))
                .filter(name -> name.startsWith("--") && distance(name, typed) <= 2)
                .toList();
    }

    /** The Levenshtein distance: how many characters must be inserted, deleted or replaced. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static int failure(Exception e, VmforkCommand root) {
        Terminal terminal = root.terminal;
        if (e instanceof VmforkException || e instanceof CliException) {
            if (e.getMessage() != null) {
                terminal.err().println("vmfork: " + e.getMessage());
            }
            // A failed fork whose child could not be destroyed, or a sweep with several failures, carries the
            // rest as suppressed exceptions: each may name a VM left behind, so each gets its line.
            for (Throwable also : e.getSuppressed()) {
                if (also.getMessage() != null && !String.valueOf(e.getMessage()).contains(also.getMessage())) {
                    terminal.err().println("vmfork: also: " + also.getMessage());
                }
            }
        } else {
            terminal.err()
                    .println("vmfork: unexpected error: " + e
                            + (root.verbose ? "" : " (run again with --verbose to see where)"));
        }
        // A known failure is its one line; where in the code it happened helps only with an unexpected one.
        boolean expected = e instanceof VmforkException || e instanceof CliException;
        if (root.verbose && !expected) {
            e.printStackTrace(terminal.err());
        }
        terminal.err().flush();
        if (e instanceof VmforkException vmfork) {
            return ExitCodes.of(vmfork.kind());
        }
        return e instanceof CliException cli ? cli.exitCode() : ExitCodes.INTERNAL;
    }

    /**
     * Quiet by default: the one-line error says what went wrong. With --verbose, vmfork's and yavijava's FINE
     * messages (calls, tasks, timings) go to stderr. The JDK's own HTTP loggers stay closed: at FINE they print
     * request headers, and those carry the vCenter session cookie.
     */
    static void configureLogging(boolean verbose, Terminal terminal) {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.OFF);
        for (Logger logger : OPENED) {
            logger.setLevel(verbose ? Level.FINE : Level.OFF);
            if (verbose) {
                logger.addHandler(new TerminalHandler(terminal));
            }
        }
    }

    /** Writes log records as one line each ({@code [FINE] Tasks: ...}) to the terminal's error stream. */
    private static final class TerminalHandler extends Handler {
        private final Terminal terminal;

        TerminalHandler(Terminal terminal) {
            this.terminal = terminal;
            setLevel(Level.FINE);
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String logger =
                    record.getLoggerName() == null ? "" : record.getLoggerName().replaceFirst("^.*\\.", "");
            String thrown = record.getThrown() == null ? "" : " (" + record.getThrown() + ")";
            terminal.err()
                    .println("[" + record.getLevel() + "] " + logger + ": "
                            + new SimpleFormatter().formatMessage(record) + thrown);
            terminal.err().flush();
        }

        @Override
        public void flush() {
            terminal.err().flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** The parsed command, for tests. */
    static ParseResult parse(Terminal terminal, String... args) {
        return commandLine(terminal).parseArgs(args);
    }
}
