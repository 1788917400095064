package io.jenkins.plugins.vmfork.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The processes that the demo started, so that Ctrl-C can stop any that still run. */
final class ProcessTracker {

    private final List<Process> processes = new CopyOnWriteArrayList<>();

    Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Stops every process started here that still runs. */
    void stopAll() {
        processes.forEach(ProcessTracker::stop);
    }

    /** Closes the process's stdin, asks it to end, and ends it for good after ten seconds. */
    static void stop(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the stdin of a process that has exited: nothing left to close
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
