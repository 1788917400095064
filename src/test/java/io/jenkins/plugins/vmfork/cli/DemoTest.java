package io.jenkins.plugins.vmfork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Run run = interruptAfter("Started the vCenter simulator", 0, "0s");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(run.out()).contains("vmfork: interrupted; the demo destroyed what it had created");
        assertThat(simulatorRunning(run.out())).isFalse();
    }

    @Test
    void ctrlCWhileForkingDestroysTheHalfMadeChildren() throws Exception {
        Run run = interruptAfter("Prepared parent", 500, "1s");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(run.out())
                .doesNotContain("Forked 3 children in parallel")
                .contains("Checked through the vCenter API: vmfork-parent has no child left")
                .contains("Stopped the simulator");
        assertThat(simulatorRunning(run.out())).isFalse();
    }

    @Test
    void ctrlCWhileDestroyingDestroysTheRest() throws Exception {
        Run run = interruptAfter("Forked 3 children in parallel", 300, "500ms");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(run.out())
                .doesNotContain("Destroyed 3 children")
                .containsPattern("Destroyed vmfork-demo-\\w+ \\(vm-\\d+\\)")
                .contains("Checked through the vCenter API: vmfork-parent has no child left");
        assertThat(run.out().indexOf("no child left")).isLessThan(run.out().indexOf("Stopped the simulator"));
        assertThat(simulatorRunning(run.out())).isFalse();
    }

    /** Starts the demo in its own JVM, waits for a line and a little more, then presses Ctrl-C. */
    private static Run interruptAfter(String line, long millisAfter, String taskDelay) throws Exception {
        CliProcess demo =
                CliProcess.start(Map.of(), "demo", "--task-delay", taskDelay).awaitLine(line);
        Thread.sleep(millisAfter);
        return demo.ctrlC().finish();
    }

    private static boolean simulatorRunning(String output) {
        Matcher pid = SIMULATOR_PID.matcher(output);
        assertThat(pid.find()).as("no simulator pid in " + output).isTrue();
        return ProcessHandle.of(Long.parseLong(pid.group(1)))
                .map(ProcessHandle::isAlive)
                .orElse(false);
    }
}
