package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.ForkEvent;
import io.jenkins.plugins.vmfork.fork.ForkListener;
import java.io.PrintStream;

/**
 * The few lines vmfork writes to a build log: each finished step of the fork API with its duration ("Forked ci-7-x3k
 * (vm-1042) from ci-parent, IP 10.0.0.7 in 1.2 s"), warnings, and the steps' own notes. SOAP detail never comes here.
 */
final class BuildLog implements ForkListener {

    private final PrintStream out;

    BuildLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void progress(ForkEvent event) {
        out.println(event.line());
    }

    @Override
    public void warning(String message) {
        out.println("Warning: " + message);
    }

    void line(String text) {
        out.println(text);
    }
}
