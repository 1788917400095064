package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.ForkEvent;
import io.jenkins.plugins.vmfork.fork.ForkListener;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that does something shares: the terminal, the output format, the fork API. */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    final VmforkCommand root() {
        return (VmforkCommand) spec.root().userObject();
    }

    final Terminal terminal() {
        return root().terminal;
    }

    final Printer printer() {
        return new Printer(terminal().out(), root().json);
    }

    /** Opens the fork API on the vCenter of these options; progress goes to stderr, unless --json asks for quiet. */
    final Forker open(ConnectionOptions connection, ForkMode mode) {
        return Forker.open(connection.vcenter(terminal()), mode, listener());
    }

    final ForkListener listener() {
        Terminal terminal = terminal();
        boolean quiet = root().json && !root().verbose;
        return new ForkListener() {
            @Override
            public void progress(ForkEvent event) {
                if (!quiet) {
                    terminal.err().println(event.line());
                    terminal.err().flush();
                }
            }

            @Override
            public void warning(String message) {
                terminal.warn(message);
            }
        };
    }
}
