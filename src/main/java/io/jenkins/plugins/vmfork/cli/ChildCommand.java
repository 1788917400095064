package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.ChildSpec;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vmfork child create|destroy|list}. */
@Command(
        name = "child",
        header = "Fork a child VM, destroy one, or list a parent's children.",
        mixinStandardHelpOptions = true,
        subcommands = {ChildCommand.Create.class, ChildCommand.Destroy.class, ChildCommand.ListChildren.class},
        footer = {
            "%nExamples:",
            "  vmfork child create ci-parent --wait-ip",
            "  vmfork child list ci-parent",
            "  vmfork child destroy vmfork-x3k9qa"
        })
final class ChildCommand {

    /** Children made from the command line carry this owner tag unless --owner says otherwise. */
    static final String DEFAULT_OWNER = "cli";

    @Command(
            name = "create",
            header = "Fork a child from a parent; print its name, id and IP.",
            mixinStandardHelpOptions = true,
            description = {
                "Forks a child from a parent that 'vmfork parent enable' prepared, powers it on and prints its "
                        + "name, id and (with --wait-ip) its IP address. Destroy it with 'vmfork child destroy'.",
                "If anything fails after the child was created, or on Ctrl-C, the child is destroyed again; once "
                        + "it is printed, the command has succeeded and a Ctrl-C keeps it."
            },
            footer = {
                "%nExamples:",
                "  vmfork child create ci-parent --wait-ip",
                "  vmfork child create ci-parent --name pr-1234 --param guestinfo.branch=main --json",
                "  ip=$(vmfork child create ci-parent --wait-ip --json | jq -r .ip)"
            })
    static final class Create extends CliCommand {
        @Parameters(index = "0", paramLabel = "PARENT", description = ParentCommand.PARENT_HELP)
        String parent;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                order = 1,
                description = "the child's name: letters, digits, '-', '_', '.' (default: vmfork- and six random "
                        + "letters or digits)")
        String name;

        @Option(
                names = "--persistent",
                order = 2,
                description = "keep the child's own disks (VMFork); by default they go with the child")
        boolean persistent;

        @Option(
                names = "--param",
                paramLabel = "KEY=VALUE",
                order = 3,
                description = "a config parameter of the child, e.g. guestinfo.branch=main (the guest reads it "
                        + "with vmtoolsd --cmd \"info-get guestinfo.branch\"); repeatable")
        List<String> params = new ArrayList<>();

        @Option(
                names = "--wait-ip",
                order = 4,
                description = "wait until the child's guest reports an IP address different from the parent's")
        boolean waitIp;

        @Option(
                names = "--mode",
                paramLabel = "MODE",
                defaultValue = "auto",
                converter = Modes.class,
                completionCandidates = Modes.class,
                order = 5,
                description = Modes.HELP)
        ForkMode mode;

        @Option(
                names = "--folder",
                paramLabel = "FOLDER",
                order = 6,
                description = "VM folder for the child: name, path or id (default: the parent's)")
        String folder;

        @Option(
                names = "--pool",
                paramLabel = "POOL",
                order = 7,
                description = "resource pool for the child: name, path or id (default: the parent's)")
        String pool;

        @Option(
                names = "--datastore",
                paramLabel = "DATASTORE",
                order = 8,
                description = "datastore for the child's files: name or id (default: the parent's)")
        String datastore;

        @Option(
                names = "--owner",
                paramLabel = "OWNER",
                defaultValue = DEFAULT_OWNER,
                order = 9,
                description = "owner tag, which 'vmfork sweep --owner' selects by; default: ${DEFAULT-VALUE}")
        String owner;

        @Option(
                names = "--timeout",
                paramLabel = "DURATION",
                converter = Durations.Positive.class,
                defaultValue = "5m",
                order = 10,
                description =
                        "how long to wait for the fork, and then for the IP, each; " + "default: ${DEFAULT-VALUE}")
        Duration timeout;

        @Option(
                names = "--post-fork-command",
                paramLabel = "COMMAND",
                order = 11,
                description = "run in the child with the guest account once it is up (waited for, must exit 0), "
                        + "e.g. to renew its network identity")
        String postForkCommand;

        @Mixin
        GuestOptions guest;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            GuestCredentials credentials = guest.credentials(terminal());
            if (postForkCommand != null && credentials == null) {
                throw Secrets.usage("--post-fork-command runs in the child's guest: give --guest-user (and its "
                        + "password in $" + GuestOptions.PASSWORD_ENV + " or --guest-password-file)");
            }
            ChildSpec.Builder spec = ChildSpec.builder(parent)
                    .name(name)
                    .persistent(persistent)
                    .placement(folder, pool, datastore)
                    .tags(owner, null, null)
                    .waitForIp(waitIp)
                    .timeouts(timeout, timeout)
                    .postForkCommand(postForkCommand, credentials);
            params(params).forEach(spec::configParam);
            ChildSpec built = spec.build();
            try (Forker forker = open(connection, mode)) {
                printer().child(forker.fork(built));
            }
            return ExitCodes.OK;
        }
    }

    /** Reads {@code --param key=value} options; the value may be empty and may contain '='. */
    static Map<String, String> params(List<String> options) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String option : options) {
            int equals = option.indexOf('=');
            if (equals <= 0 || option.substring(0, equals).isBlank()) {
                throw Secrets.usage(
                        "--param '" + option + "' is not KEY=VALUE: give e.g. " + "--param guestinfo.branch=main");
            }
            params.put(option.substring(0, equals).trim(), option.substring(equals + 1));
        }
        return params;
    }

    @Command(
            name = "destroy",
            header = "Power off and destroy a child.",
            mixinStandardHelpOptions = true,
            description = {
                "Powers off and destroys a child. Only VMs that vmfork forked (they carry its guestinfo.vmfork.* "
                        + "tags) are destroyed, unless --force is given. A child that is already gone is fine."
            },
            footer = {"%nExamples:", "  vmfork child destroy vmfork-x3k9qa", "  vmfork child destroy vm-1042"})
    static final class Destroy extends CliCommand {
        @Parameters(
                index = "0",
                paramLabel = "NAME_OR_ID",
                description = "the child: its name, inventory path or id (vm-1042)")
        String child;

        @Option(
                names = "--force",
                order = 1,
                description = "also destroy a VM that vmfork did not fork (no vmfork tags); careful")
        boolean force;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            try (Forker forker = open(connection, ForkMode.AUTO)) {
                printer().destroyed(child, forker.destroy(child, force));
            } catch (VmforkException e) {
                throw withForceOption(e);
            }
            return ExitCodes.OK;
        }

        /** The fork API says "force" for what this command calls --force. */
        private static VmforkException withForceOption(VmforkException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("destroy it only with force")) {
                return e;
            }
            VmforkException named = new VmforkException(
                    e.kind(),
                    e.fault(),
                    message.replace("destroy it only with force", "destroy it only with --force"),
                    e);
            for (Throwable also : e.getSuppressed()) {
                named.addSuppressed(also);
            }
            return named;
        }
    }

    @Command(
            name = "list",
            header = "List the children of a parent, or of every parent.",
            mixinStandardHelpOptions = true,
            description = "Lists the children that vmfork forked from a parent, or from every parent.",
            footer = {"%nExamples:", "  vmfork child list ci-parent", "  vmfork child list --json"})
    static final class ListChildren extends CliCommand {
        @Parameters(
                index = "0",
                arity = "0..1",
                paramLabel = "PARENT",
                description = "the parent: name, inventory path or id; every parent when left out")
        String parent;

        @Mixin
        ConnectionOptions connection;

        @Override
        public Integer call() {
            try (Forker forker = open(connection, ForkMode.AUTO)) {
                printer()
                        .children(
                                forker.children(parent),
                                parent == null ? "No children." : "No children of " + parent + ".");
            }
            return ExitCodes.OK;
        }
    }
}
