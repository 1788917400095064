package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import io.jenkins.plugins.vmfork.fork.ParentStatus;
import io.jenkins.plugins.vmfork.fork.QuiesceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vmfork parent enable|status|disable PARENT}. */
@Command(
        name = "parent",
        header = "Prepare a parent VM for forking, show its state, or stop it from being one.",
        mixinStandardHelpOptions = true,
        subcommands = {ParentCommand.Enable.class, ParentCommand.Status.class, ParentCommand.Disable.class},
        footer = {
            "%nExamples:",
            "  VMFORK_GUEST_PASSWORD=... vmfork parent enable ci-parent --guest-user root",
            "  vmfork parent status ci-parent",
            "  vmfork parent disable ci-parent"
        })
final class ParentCommand {

    /** The help of the PARENT parameter of the commands that need one parent. */
    static final String PARENT_HELP = "the parent VM: its name, inventory path (/DC/vm/folder/name) or id (vm-42)";

    /** Options of every parent subcommand. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "PARENT", description = PARENT_HELP)
        String parent;

        @Option(
                names = "--mode",
                paramLabel = "MODE",
                defaultValue = "auto",
                converter = Modes.class,
                completionCandidates = Modes.class,
                order = 50,
                description = Modes.HELP)
        ForkMode mode;

        @Mixin
        ConnectionOptions connection;
    }

    @Command(
            name = "enable",
            header = "Enable a VM as a fork parent and quiesce it (with --guest-user).",
            mixinStandardHelpOptions = true,
            description = {
                "Makes a running VM a fork parent and, with --guest-user, quiesces it from inside its guest so that "
                        + "children can be forked (VMFork); with Instant Clone it freezes the guest instead.",
                "Does nothing to a parent that is already enabled and quiesced. See docs/preparing-a-parent.md."
            },
            footer = {
                "%nExamples:",
                "  VMFORK_GUEST_PASSWORD=... vmfork parent enable ci-parent --guest-user root",
                "  vmfork parent enable /DC/vm/ci/ci-parent --guest-user ci --guest-password-file ~/.guest-pw \\",
                "      --quiesce-command /usr/local/sbin/vmfork-quiesce --before-command 'systemctl stop cron'",
                "  vmfork parent enable ci-parent          # enable only; quiesce later or elsewhere"
            })
    static final class Enable extends CliCommand {
        @Mixin
        Target target;

        @Mixin
        GuestOptions guest;

        @Option(
                names = "--quiesce-command",
                paramLabel = "COMMAND",
                order = 210,
                description = "run in the guest to quiesce it; not waited for (the guest freezes in it). "
                        + "Default: vmtoolsd --cmd \"vmfork-begin -1 -1\" (VMFork) or "
                        + "vmtoolsd --cmd \"instantclone.freeze\" (Instant Clone)")
        String quiesceCommand;

        @Option(
                names = "--before-command",
                paramLabel = "COMMAND",
                order = 211,
                description = "run in the guest before quiescing, waited for, must exit 0; repeatable, run in order")
        List<String> beforeCommands = new ArrayList<>();

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                converter = Durations.Positive.class,
                defaultValue = "5m",
                order = 212,
                description = "how long to wait for the guest's tools, and then for the parent to be "
                        + "quiesced, each (e.g. 90s, 10m); default: ${DEFAULT-VALUE}")
        Duration timeout;

        @Override
        public Integer call() {
            GuestCredentials credentials = guest.credentials(terminal());
            if (credentials == null && (quiesceCommand != null || !beforeCommands.isEmpty())) {
                throw Secrets.usage("--quiesce-command and --before-command run in the guest: give --guest-user "
                        + "and the guest password too");
            }
            QuiesceOptions options = QuiesceOptions.defaults()
                    .withCommand(quiesceCommand)
                    .withCommandsBefore(beforeCommands)
                    .withTimeouts(timeout, timeout);
            try (Forker forker = open(target.connection, target.mode)) {
                ParentStatus status = forker.enableParent(target.parent, credentials, options);
                printer().parent(status);
                if (!status.quiesced() && credentials == null && !root().json) {
                    terminal()
                            .err()
                            .println("The parent is enabled but not quiesced: run this again with "
                                    + "--guest-user to quiesce it before forking (VMFork needs a quiesced parent).");
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "status",
            header = "Show whether a parent is enabled and quiesced, and its children.",
            mixinStandardHelpOptions = true,
            description = "Shows whether a VM is enabled and quiesced as a fork parent, and its children.",
            footer = {"%nExamples:", "  vmfork parent status ci-parent", "  vmfork parent status vm-42 --json"})
    static final class Status extends CliCommand {
        @Mixin
        Target target;

        @Override
        public Integer call() {
            try (Forker forker = open(target.connection, target.mode)) {
                printer().parent(forker.parentStatus(target.parent));
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "disable",
            header = "Stop a VM from being a fork parent.",
            mixinStandardHelpOptions = true,
            description = {
                "Stops a VM from being a fork parent (VMFork), or unfreezes it by a reset (Instant Clone), so that "
                        + "it can be updated. Children forked earlier keep running until destroyed."
            },
            footer = {"%nExamples:", "  vmfork parent disable ci-parent"})
    static final class Disable extends CliCommand {
        @Mixin
        Target target;

        @Override
        public Integer call() {
            try (Forker forker = open(target.connection, target.mode)) {
                printer().parent(forker.disableParent(target.parent));
            }
            return ExitCodes.OK;
        }
    }
}
