package io.jenkins.plugins.vmfork.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * pyVmomi (Debian's python3-pyvmomi) doing Instant Clone and pyVim's task wait, in src/bench/python/instant_clone.py,
 * run with the system Python. The script times each child itself and reads the simulator's counters around it.
 */
final class PyvmomiBaseline {

    static final Path SCRIPT = Path.of("src/bench/python/instant_clone.py");
    private static final String PYTHON = "/usr/bin/python3";

    /** What the script measured, and how often it logged in. */
    record Result(Samples samples, long logins) {}

    private PyvmomiBaseline() {}

    /** Null when this machine cannot run it (no system Python or no pyVmomi); the reason is printed. */
    static String unavailable() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " is missing";
        }
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import pyVmomi")
                    .redirectErrorStream(true)
                    .start();
            return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0
                    ? null
                    : "pyVmomi is not installed (apt-get install python3-pyvmomi, or src/test/vcsim/install-deps.sh)";
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static Result run(Vcsim vcsim, String prefix, int count) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                PYTHON,
                SCRIPT.toString(),
                "--url",
                vcsim.url(),
                "--user",
                vcsim.user(),
                "--parent",
                vcsim.parentName(),
                "--control",
                vcsim.controlUrl().toString(),
                "--count",
                String.valueOf(count),
                "--prefix",
                prefix));
        // The password goes through the environment, not the command line that every local user can list.
        builder.environment().put("VMFORK_BENCH_PASSWORD", vcsim.password());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the pyVmomi baseline failed (exit " + process.exitValue() + "): " + out);
        }
        JsonNode result = new ObjectMapper().readTree(out);
        Samples samples = new Samples();
        for (JsonNode child : result.path("children")) {
            Map<String, Long> soap = new TreeMap<>();
            child.path("soap")
                    .fields()
                    .forEachRemaining(e -> soap.put(e.getKey(), e.getValue().asLong()));
            samples.add(child.path("ms").asDouble(), soap);
        }
        return new Result(samples, result.path("logins").asLong());
    }
}
