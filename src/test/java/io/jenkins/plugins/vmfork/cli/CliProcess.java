package io.jenkins.plugins.vmfork.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The command line in a JVM of its own, to press Ctrl-C on it for real. */
final class CliProcess {

    private final Process process;
    private final BufferedReader lines;
    private final StringBuilder output = new StringBuilder();

    private CliProcess(Process process) {
        this.process = process;
        this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code vmfork args...} with the test's class path, these extra environment variables and no stdin. */
    static CliProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new CliProcess(builder.start());
    }

    /** Reads output until a line containing the text; fails when the process ends without printing it. */
    CliProcess awaitLine(String text) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            output.append(line).append('\n');
            if (line.contains(text)) {
                return this;
            }
        }
        throw new AssertionError("The command ended without printing '" + text + "':\n" + output);
    }

    /**
     * Sends SIGINT, what Ctrl-C sends. A JVM started with SIGINT ignored (a background job of a shell without job
     * control) never sees it; such a JVM gets SIGTERM, which runs the same shutdown hooks.
     */
    CliProcess ctrlC() throws IOException, InterruptedException {
        String signal = sigintIgnored() ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        return this;
    }

    private boolean sigintIgnored() throws IOException {
        Optional<String> ignored = Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                .filter(l -> l.startsWith("SigIgn:"))
                .findFirst();
        return ignored.isPresent()
                && (Long.parseUnsignedLong(ignored.get().substring(7).trim(), 16) & 2) != 0;
    }

    /** Reads the rest of the output and waits for the exit, three minutes at most. */
    Run finish() throws IOException, InterruptedException {
        lines.lines().forEach(rest -> output.append(rest).append('\n'));
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The command did not end within three minutes:\n" + output);
        }
        return new Run(process.exitValue(), output.toString(), "");
    }
}
