package io.jenkins.plugins.vmfork.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code vmfork} command: options that every subcommand takes, and the list of subcommands. */
@Command(
        name = "vmfork",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        subcommands = {ParentCommand.class, ChildCommand.class, SweepCommand.class, DemoCommand.class},
        description = {
            "Forks disposable child VMs from a prepared parent VM on VMware vSphere (VMFork on 6.0 to 6.7, "
                    + "Instant Clone on 6.7+), the way the vmfork Jenkins plugin does for each build.",
            "",
            "Connection options of every command that talks to vCenter (all but demo): --url, --user, the "
                    + "password from $VMFORK_PASSWORD or --password-file, --thumbprint or --insecure. Run "
                    + "'vmfork demo' to see it all work against the bundled vCenter simulator."
        },
        footer = {
            "%nExamples:",
            "  vmfork demo",
            "  export VMFORK_URL=vcenter.example.com VMFORK_USER=ci@vsphere.local VMFORK_PASSWORD=...",
            "  VMFORK_GUEST_PASSWORD=... vmfork parent enable ci-parent --guest-user root",
            "  vmfork child create ci-parent --wait-ip",
            "  vmfork child destroy vmfork-x3k9qa",
            "  vmfork sweep ci-parent --older-than 2h --dry-run",
            "%nDocs: docs/getting-started.md, docs/preparing-a-parent.md, docs/troubleshooting.md"
        })
final class VmforkCommand {

    final Terminal terminal;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            order = 900,
            description = "print vCenter calls and, on an unexpected error, where it happened")
    boolean verbose;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            order = 901,
            description = "print results as JSON (progress lines are left out); not for demo")
    boolean json;

    VmforkCommand(Terminal terminal) {
        this.terminal = terminal;
    }
}
