package io.jenkins.plugins.vmfork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo as a newcomer runs it, and Ctrl-C at several moments: a separate JVM gets a real SIGINT and must leave
 * no child and no simulator process behind.
 */
class DemoTest {

    private static final Pattern SIMULATOR_PID = Pattern.compile("\\(pid (\\d+)\\)");
    private static final Pattern FORKED = Pattern.compile(
            "Forked (vmfork-demo-\\w+) \\(vm-\\d+\\) from vmfork-parent, " + "IP (\\d+\\.\\d+\\.\\d+\\.\\d+)");

    @Test
    void forksThreeChildrenInParallelAndLeavesNothingBehind() {
        Run run = Run.of("demo");

        assertThat(run.code()).as(run.toString()).isZero();
        List<String> ips = new ArrayList<>();
        Matcher forked = FORKED.matcher(run.out());
        while (forked.find()) {
            ips.add(forked.group(2));
        }
        assertThat(ips).as(run.out()).hasSize(3).doesNotHaveDuplicates();
        assertThat(run.out())
                .contains("quiesced through guest operations")
                .contains("Forked 3 children in parallel")
                .contains("Destroyed 3 children")
                .contains("Checked through the vCenter API: vmfork-parent has no child left")
                .contains("Stopped the simulator")
                .contains("3 children forked in parallel and destroyed, nothing left behind");
        assertThat(simulatorRunning(run.out())).isFalse();
    }

    @Test
    void instantCloneOnASimulated70() {
        Run run = Run.of("demo", "--mode", "instant-clone", "--children", "2");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("VMware vCenter Server 7.0", "mode instant-clone", "frozen through guest operations")
                .contains("Forked 2 children in parallel", "vmfork-parent has no child left");
        assertThat(simulatorRunning(run.out())).isFalse();
    }

    @Test
    void ctrlCRightAfterTheSimulatorStartedStopsIt() throws Exception {
        Interrupted run = interruptAfter("Started the vCenter simulator", 0, "0s");

        assertThat(run.code).as(run.output).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(run.output).contains("vmfork: interrupted; the demo destroyed what it had created");
        assertThat(simulatorRunning(run.output)).isFalse();
    }

    @Test
    void ctrlCWhileForkingDestroysTheHalfMadeChildren() throws Exception {
        Interrupted run = interruptAfter("Prepared parent", 500, "1s");

        assertThat(run.code).as(run.output).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(run.output)
                .doesNotContain("Forked 3 children in parallel")
                .contains("Checked through the vCenter API: vmfork-parent has no child left")
                .contains("Stopped the simulator");
        assertThat(simulatorRunning(run.output)).isFalse();
    }

    @Test
    void ctrlCWhileDestroyingDestroysTheRest() throws Exception {
        Interrupted run = interruptAfter("Forked 3 children in parallel", 300, "500ms");

        assertThat(run.code).as(run.output).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(run.output)
                .doesNotContain("Destroyed 3 children")
                .containsPattern("Destroyed vmfork-demo-\\w+ \\(vm-\\d+\\)")
                .contains("Checked through the vCenter API: vmfork-parent has no child left");
        assertThat(run.output.indexOf("no child left")).isLessThan(run.output.indexOf("Stopped the simulator"));
        assertThat(simulatorRunning(run.output)).isFalse();
    }

    private record Interrupted(int code, String output) {}

    /** Starts the demo in its own JVM, waits for a line and a little more, then presses Ctrl-C. */
    private static Interrupted interruptAfter(String line, long millisAfter, String taskDelay) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process demo = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "demo",
                        "--task-delay",
                        taskDelay)
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String next;
            while ((next = lines.readLine()) != null) {
                output.append(next).append('\n');
                if (next.contains(line)) {
                    Thread.sleep(millisAfter);
                    ctrlC(demo);
                    break;
                }
            }
            lines.lines().forEach(rest -> output.append(rest).append('\n'));
        } finally {
            if (!demo.waitFor(3, TimeUnit.MINUTES)) {
                demo.destroyForcibly();
            }
        }
        assertThat(output).as("the demo never printed '" + line + "'").contains(line);
        return new Interrupted(demo.exitValue(), output.toString());
    }

    /**
     * Sends SIGINT, what Ctrl-C sends. A JVM started with SIGINT ignored (a background job of a shell without job
     * control) never sees it; such a JVM gets SIGTERM, which runs the same shutdown hook.
     */
    private static void ctrlC(Process process) throws IOException, InterruptedException {
        String signal = sigintIgnored(process.pid()) ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, String.valueOf(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    private static boolean sigintIgnored(long pid) throws IOException {
        Optional<String> ignored = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith("SigIgn:"))
                .findFirst();
        return ignored.isPresent()
                && (Long.parseUnsignedLong(ignored.get().substring(7).trim(), 16) & 2) != 0;
    }

    private static boolean simulatorRunning(String output) {
        Matcher pid = SIMULATOR_PID.matcher(output);
        assertThat(pid.find()).as("no simulator pid in " + output).isTrue();
        return ProcessHandle.of(Long.parseLong(pid.group(1)))
                .map(ProcessHandle::isAlive)
                .orElse(false);
    }
}
