package io.jenkins.plugins.vmfork.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vmfork demo}: the whole life of a CI build's VMs, against the bundled vCenter simulator. */
@Command(
        name = "demo",
        header = "Fork and destroy children on the bundled vCenter simulator (no vCenter needed).",
        mixinStandardHelpOptions = true,
        description = {
            "Shows vmfork at work with no vCenter: builds (the first time) and starts the vCenter simulator from "
                    + "vmfork's sources, then does what a CI build does: enables and quiesces the parent through "
                    + "guest operations, forks children in parallel and prints their IPs, destroys them, checks "
                    + "through the vCenter API that none is left, and stops the simulator.",
            "Ctrl-C at any moment destroys what was created and stops the simulator. Needs a clone of vmfork; "
                    + "building the simulator needs Go and govmomi from Debian, which it installs when run as root."
        },
        footer = {
            "%nExamples:",
            "  ./vmfork demo",
            "  ./vmfork demo --children 5 --mode instant-clone",
            "  ./vmfork demo --task-delay 3s        # then press Ctrl-C while it forks"
        })
final class DemoCommand extends CliCommand {

    @Option(
            names = "--children",
            paramLabel = "N",
            defaultValue = "3",
            order = 1,
            description = "how many children to fork in parallel (1 to 20); default: ${DEFAULT-VALUE}")
    int children;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "vmfork",
            order = 2,
            description = "the vSphere that the simulator plays: vmfork (6.5, forks with VMFork) or instant-clone "
                    + "(7.0, Instant Clone); vmfork picks the mode from the version; default: ${DEFAULT-VALUE}")
    String mode;

    @Option(
            names = "--task-delay",
            paramLabel = "DURATION",
            converter = Durations.class,
            defaultValue = "0s",
            order = 3,
            description = "make every simulated vCenter task take this long, to follow the steps or to "
                    + "try Ctrl-C half-way (e.g. 2s); default: none")
    Duration taskDelay;

    @Override
    public Integer call() {
        if (root().json) {
            throw Secrets.usage("The demo prints steps for people, not JSON: run it without --json");
        }
        if (children < 1 || children > 20) {
            throw Secrets.usage("--children " + children + " is out of range: give 1 to 20");
        }
        String apiVersion =
                switch (mode) {
                    case "vmfork" -> "6.5";
                    case "instant-clone" -> "7.0";
                    default ->
                        throw Secrets.usage("--mode '" + mode + "' is not a demo mode: use vmfork or instant-clone");
                };
        Path checkout = BundledSimulator.checkout(Path.of(""));
        List<String> flags = List.of("-api-version", apiVersion, "-task-delay", taskDelay.toMillis() + "ms");
        return new Demo(terminal(), root().verbose, checkout, flags, children).run();
    }
}
