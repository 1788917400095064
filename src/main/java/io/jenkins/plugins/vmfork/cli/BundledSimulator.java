package io.jenkins.plugins.vmfork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The vCenter simulator of vmfork's sources (src/test/vcsim): found in the checkout that the working directory or
 * this jar is in, built with its build.sh when its Go sources are newer than the binary, and run as a child process.
 */
final class BundledSimulator implements AutoCloseable {

    static final String BUILD_SCRIPT = "src/test/vcsim/build.sh";
    static final String BINARY = "target/vcsim/vmfork-vcsim";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START_SECONDS = 60;

    private final Process process;
    private final JsonNode started;

    private BundledSimulator(Process process, JsonNode started) {
        this.process = process;
        this.started = started;
    }

    /** The vmfork checkout around the working directory or around this jar. */
    static Path checkout(Path workingDirectory) {
        List<Path> starts = new ArrayList<>(List.of(workingDirectory.toAbsolutePath()));
        codeLocation().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(BUILD_SCRIPT))) {
                    return dir;
                }
            }
        }
        throw new CliException(
                ExitCodes.USAGE,
                "The demo runs the vCenter simulator from vmfork's sources ("
                        + BUILD_SCRIPT + "), and there is none around "
                        + String.join(
                                " or ", starts.stream().map(Path::toString).toList())
                        + ": run it in a clone of vmfork, as ./vmfork demo");
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the binary is missing or older than one of the simulator's sources. */
    static boolean needsBuild(Path checkout) {
        Path binary = checkout.resolve(BINARY);
        if (!Files.isExecutable(binary)) {
            return true;
        }
        try (Stream<Path> sources = Files.list(checkout.resolve(BUILD_SCRIPT).getParent())) {
            long built = Files.getLastModifiedTime(binary).toMillis();
            return sources.anyMatch(source -> modified(source) > built);
        } catch (IOException e) {
            return true;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Runs build.sh (which installs Go and govmomi from Debian when run as root and they are missing), passing its
     * output on indented. The process is handed to {@code running} so that Ctrl-C can end it.
     */
    static void build(Path checkout, Terminal terminal, ProcessTracker running) {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", checkout.resolve(BUILD_SCRIPT).toString())
                .directory(checkout.toFile())
                .redirectErrorStream(true);
        try {
            Process build = running.start(builder);
            try (BufferedReader output = reader(build)) {
                output.lines().forEach(line -> {
                    terminal.err().println("    " + line);
                    terminal.err().flush();
                });
            }
            if (build.waitFor() != 0) {
                throw new CliException(
                        ExitCodes.INTERNAL,
                        "Building the simulator failed (" + BUILD_SCRIPT + " exited with " + build.exitValue()
                                + "): see its output above");
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERNAL, "Cannot run " + BUILD_SCRIPT + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "Interrupted while building the simulator");
        }
    }

    /**
     * Starts the simulator with the given flags and waits for its start line. It runs in a session of its own
     * (setsid), so that Ctrl-C in the terminal reaches only vmfork, which destroys the children through the
     * still-running simulator before it stops it. It also exits by itself when vmfork dies: its stdin closes.
     */
    static BundledSimulator start(Path checkout, List<String> flags, ProcessTracker running) {
        List<String> command = new ArrayList<>();
        onPath("setsid").ifPresent(setsid -> command.add(setsid.toString()));
        command.add(checkout.resolve(BINARY).toString());
        command.addAll(flags);
        Path logs = checkout.resolve("target/vcsim/logs");
        Path log = logs.resolve("demo-" + ProcessHandle.current().pid() + ".log");
        try {
            Files.createDirectories(logs);
            Process process = running.start(new ProcessBuilder(command).redirectError(log.toFile()));
            return new BundledSimulator(process, startLine(process, log));
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.INTERNAL, "Cannot start the simulator " + command + ": " + e.getMessage(), e);
        }
    }

    /** A program found on the PATH, as a shell would find it. */
    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        return path == null
                ? Optional.empty()
                : Arrays.stream(path.split(File.pathSeparator))
                        .filter(dir -> !dir.isEmpty())
                        .map(dir -> Path.of(dir, program))
                        .filter(Files::isExecutable)
                        .findFirst();
    }

    private static JsonNode startLine(Process process, Path log) throws IOException {
        BufferedReader output = reader(process);
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String text = line.get(START_SECONDS, TimeUnit.SECONDS);
            if (text == null) {
                throw new CliException(ExitCodes.INTERNAL, "The simulator exited at start: see " + log);
            }
            return JSON.readTree(text);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new CliException(
                    ExitCodes.INTERNAL, "The simulator did not start within " + START_SECONDS + " s: see " + log, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "Interrupted while starting the simulator");
        }
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    String url() {
        return started.path("url").asText();
    }

    String user() {
        return started.path("user").asText();
    }

    String password() {
        return started.path("password").asText();
    }

    String thumbprint() {
        return started.path("thumbprint").asText();
    }

    String guestUser() {
        return started.path("guestUser").asText();
    }

    String guestPassword() {
        return started.path("guestPassword").asText();
    }

    String parent() {
        return started.path("parent").asText();
    }

    long pid() {
        return process.pid();
    }

    /** Stops the simulator (closing its stdin and sending SIGTERM) and waits for it to exit. */
    @Override
    public void close() {
        ProcessTracker.stop(process);
    }
}
