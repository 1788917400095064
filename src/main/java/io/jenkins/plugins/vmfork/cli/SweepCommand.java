package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.SweepCriteria;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vmfork sweep [PARENT] --older-than DURATION [--dry-run]}. */
@Command(
        name = "sweep",
        header = "Destroy leftover children older than a given age.",
        mixinStandardHelpOptions = true,
        description = {
            "Destroys children that vmfork forked longer ago than --older-than: the ones a crashed build or script "
                    + "left behind. VMs without vmfork's guestinfo.vmfork.* tags are never touched.",
            "Children of running Jenkins builds are tagged too: choose an age longer than your longest build, or "
                    + "narrow the sweep with --owner."
        },
        footer = {
            "%nExamples:",
            "  vmfork sweep ci-parent --older-than 2h --dry-run",
            "  vmfork sweep --older-than 1d",
            "  vmfork sweep ci-parent --older-than 30m --owner cli"
        })
final class SweepCommand extends CliCommand {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PARENT",
            description = "only children of this parent (name, inventory path or id); every parent when left out")
    String parent;

    @Option(
            names = "--older-than",
            paramLabel = "DURATION",
            required = true,
            converter = Durations.class,
            order = 1,
            description = "only children forked longer ago than this: 30m, 2h, 1d, 1h30m or ISO-8601 "
                    + "PT2H; 0s for every age")
    Duration olderThan;

    @Option(
            names = "--owner",
            paramLabel = "OWNER",
            order = 2,
            description = "only children with this owner tag ('cli' for children of 'vmfork child create')")
    String owner;

    @Option(names = "--dry-run", order = 3, description = "list what would be destroyed, destroy nothing")
    boolean dryRun;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        SweepCriteria criteria =
                SweepCriteria.childrenOf(parent).olderThan(olderThan).ownedBy(owner);
        if (dryRun) {
            criteria = criteria.listOnly();
        }
        String scope = (parent == null ? "" : "of " + parent + " ") + "older than " + Durations.format(olderThan);
        try (Forker forker = open(connection, ForkMode.AUTO)) {
            printer().swept(forker.sweep(criteria), dryRun, scope);
        }
        return ExitCodes.OK;
    }
}
