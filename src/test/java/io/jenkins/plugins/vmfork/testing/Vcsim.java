package io.jenkins.plugins.vmfork.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running vCenter simulator (src/test/vcsim): a real SOAP endpoint on loopback that speaks VMFork, Instant
 * Clone and guest operations, plus a control endpoint to inject faults and read request counts.
 *
 * <p>The process stops on {@link #close()}, and also by itself when this JVM dies (it exits when its stdin closes).
 * Its log (never a password) is in target/vcsim/logs.
 */
public final class Vcsim implements AutoCloseable {

    /** A running VM whose name has a space. */
    public static final String SPACED_VM = "vmfork spaced vm";

    /** A running VM whose name has a slash; the inventory stores it as {@link #SLASHED_VM_STORED}, as vCenter does. */
    public static final String SLASHED_VM = "vmfork/slashed";

    public static final String SLASHED_VM_STORED = "vmfork%2fslashed";

    /** Two running VMs have this name, one in vm folder team-a, one in team-b (not with -esx). */
    public static final String TWIN_VM = "vmfork-twin";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final JsonNode started;
    private final URI control;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONTROL_TIMEOUT).build();

    private Vcsim(Process process, JsonNode started, Path log) {
        this.process = process;
        this.started = started;
        this.control = URI.create(started.path("control").asText());
        this.log = log;
    }

    /**
     * Starts a simulator with its defaults (HTTPS, API 6.5, a powered-on parent) changed by the given flags,
     * e.g. {@code "-http"}, {@code "-api-version", "6.7"}, {@code "-child-result", "empty"}.
     */
    public static Vcsim start(String... extraFlags) {
        Path binary = binary();
        Path log = binary.resolveSibling("logs")
                .resolve("vcsim-" + ProcessHandle.current().pid() + "-" + STARTS.incrementAndGet() + ".log");
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(extraFlags));
        try {
            Files.createDirectories(log.getParent());
            Process process =
                    new ProcessBuilder(command).redirectError(log.toFile()).start();
            return new Vcsim(process, readStartLine(process, log), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    private static Path binary() {
        String override = System.getProperty("vmfork.vcsim");
        Path binary = override != null
                ? Path.of(override)
                : Path.of(System.getProperty("basedir", ".")).resolve("target/vcsim/vmfork-vcsim");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("The simulator binary " + binary.toAbsolutePath() + " is missing: run "
                    + "mvn verify (or src/test/vcsim/build.sh) first");
        }
        return binary.toAbsolutePath();
    }

    private static JsonNode readStartLine(Process process, Path log) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String text = line.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (text == null) {
                throw new IllegalStateException("The simulator exited before it served: " + tail(log));
            }
            return JSON.readTree(text);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "The simulator did not start within " + START_TIMEOUT + ": " + tail(log), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the simulator", e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** The SOAP endpoint, e.g. https://127.0.0.1:41234/sdk. */
    public String url() {
        return started.path("url").asText();
    }

    public String user() {
        return started.path("user").asText();
    }

    public String password() {
        return started.path("password").asText();
    }

    /** SHA-256 of the certificate, colon-separated upper-case hex; null when started with -http. */
    public String thumbprint() {
        JsonNode value = started.get("thumbprint");
        return value == null ? null : value.asText();
    }

    public String guestUser() {
        return started.path("guestUser").asText();
    }

    public String guestPassword() {
        return started.path("guestPassword").asText();
    }

    /** The powered-on parent VM, tools running, guest operations ready. */
    public String parentName() {
        return started.path("parent").asText();
    }

    /** The control endpoint, e.g. http://127.0.0.1:41235. */
    public URI controlUrl() {
        return control;
    }

    /** The simulator's log file. */
    public Path log() {
        return log;
    }

    /** Every task (the simulator's own and vCenter's) stays running this long before it ends. */
    public void taskDelay(Duration delay) {
        post("/task-delay", Map.of("ms", delay.toMillis()));
    }

    /**
     * Whether CancelTask ends a task that the task delay holds back (the default: it ends in RequestCanceled without
     * its work), or answers NotSupported and lets it finish, as vCenter does with a task that is not cancelable.
     */
    public void tasksCancelable(boolean cancelable) {
        post("/tasks-cancelable", Map.of("cancelable", cancelable));
    }

    /** Every SOAP answer is held back this long. */
    public void responseDelay(Duration delay) {
        post("/response-delay", Map.of("ms", delay.toMillis()));
    }

    /** The next {@code times} calls of {@code method} fail with {@code fault} as a SOAP fault of the call. */
    public void failNext(String method, String fault, int times) {
        post("/fail", Map.of("method", method, "fault", fault, "times", times, "as", "call"));
    }

    /** The next {@code times} calls of a {@code *_Task} method answer a task that ends in {@code fault}. */
    public void failNextTask(String method, String fault, int times) {
        post("/fail", Map.of("method", method, "fault", fault, "times", times, "as", "task"));
    }

    /** Ends every session now; the next call of each client gets NotAuthenticated. Returns how many ended. */
    public int expireSessions() {
        return post("/expire-sessions", Map.of()).path("expired").asInt();
    }

    /** What about.apiVersion says from now on (6.0, 6.5, 6.7, 7.0, ...). */
    public void apiVersion(String version) {
        post("/api-version", Map.of("version", version));
    }

    /** Whether CreateForkChild_Task answers the child's reference in info.result or leaves it empty. */
    public void childResultIsReference(boolean reference) {
        post("/child-result", Map.of("mode", reference ? "ref" : "empty"));
    }

    /**
     * For this long after its first power-on a fork child or instant clone reports the guest IP of the VM it was
     * cloned from, as a real one does until its guest reacts to its new MAC; zero (the default) turns it off.
     */
    public void childStaleIp(Duration duration) {
        post("/child-stale-ip", Map.of("ms", duration.toMillis()));
    }

    /** A fork child or instant clone reports the guest IP of the VM it was cloned from until it is power-cycled. */
    public void childStaleIpForever() {
        post("/child-stale-ip", Map.of("forever", true));
    }

    /** Switches VMware Tools of a VM (by name or id such as vm-42) on or off. */
    public void toolsRunning(String vm, boolean running) {
        post("/tools", Map.of("vm", vm, "running", running));
    }

    public void powerOff(String vm) {
        post("/power", Map.of("vm", vm, "on", false));
    }

    public void powerOn(String vm) {
        post("/power", Map.of("vm", vm, "on", true));
    }

    /** Adds a running VM like the parent, in its folder; returns its managed object id. */
    public String createVm(String name) {
        return post("/vm", Map.of("name", name)).path("ref").asText();
    }

    /** SOAP requests received over HTTP since start or the last reset, by method name. */
    public Map<String, Long> soapRequestsByMethod() {
        Map<String, Long> counts = new TreeMap<>();
        stats().path("requests")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    public long soapRequests() {
        return stats().path("total").asLong();
    }

    public long logins() {
        return stats().path("logins").asLong();
    }

    public long logouts() {
        return stats().path("logouts").asLong();
    }

    public int openSessions() {
        return stats().path("openSessions").asInt();
    }

    /**
     * Puts every switch back to the start flags and zeroes the counters: no injected faults, no delays, the
     * start API version, tools and power of VMs changed through this class restored. Tasks still held back by the
     * task delay end first (the simulator's own cancelled without their work), so that nothing started before acts
     * after the reset. VMs made by SOAP calls stay.
     */
    public void reset() {
        post("/reset", Map.of());
    }

    private JsonNode stats() {
        return send(HttpRequest.newBuilder(control.resolve("/stats")).GET());
    }

    private JsonNode post(String path, Map<String, ?> body) {
        try {
            String json = JSON.writeValueAsString(new LinkedHashMap<>(body));
            return send(HttpRequest.newBuilder(control.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(CONTROL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException(
                        "simulator control " + response.request().uri().getPath() + ": "
                                + body.path("error").asText(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("simulator control endpoint " + control + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the simulator", e);
        }
    }

    /** Stops the simulator and waits for it to exit. */
    @Override
    public void close() {
        try (OutputStream stdin = process.getOutputStream()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            // stdin of an exited process: nothing to close
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
