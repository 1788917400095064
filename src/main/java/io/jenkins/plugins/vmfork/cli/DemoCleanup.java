package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Undoes what the demo created: children still alive, the session, the simulator and any build still running.
 * Runs once, from whichever comes first: the demo's own way out, or the shutdown hook of Ctrl-C. The hook first
 * interrupts the demo's threads, because a fork interrupted after vCenter created the child destroys that child
 * itself; then it destroys the children that had been handed back, and any other child of the parent.
 */
final class DemoCleanup {

    private enum State {
        RUNNING,
        CLEANING,
        DONE
    }

    /** How long the hook lets interrupted forks destroy their half-made children. */
    private static final long FORKS_END_SECONDS = 120;

    private final Terminal terminal;
    private final BiConsumer<String, Duration> step;
    private final Thread demoThread = Thread.currentThread();
    private final ProcessTracker processes = new ProcessTracker();
    private final Map<String, Child> alive = new ConcurrentHashMap<>();
    private final Thread hook = new Thread(this::onShutdown, "vmfork demo cleanup");
    private volatile BundledSimulator simulator;
    private volatile Forker forker;
    private volatile String parent;
    private volatile ExecutorService forks;
    private State state = State.RUNNING;

    DemoCleanup(Terminal terminal, BiConsumer<String, Duration> step) {
        this.terminal = terminal;
        this.step = step;
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void uninstall() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has run or is running
        }
    }

    ProcessTracker processes() {
        return processes;
    }

    void simulator(BundledSimulator started) {
        this.simulator = started;
    }

    void forker(Forker opened, String parentName) {
        this.forker = opened;
        this.parent = parentName;
    }

    void forks(ExecutorService pool) {
        this.forks = pool;
    }

    void created(Child child) {
        alive.put(child.id(), child);
    }

    void destroyed(Child child) {
        alive.remove(child.id());
    }

    /** The demo's own way out, after success or failure. */
    void finish() {
        if (!claim()) {
            awaitDone();
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            undo();
        } finally {
            done();
            if (interrupted) {
                demoThread.interrupt();
            }
        }
    }

    private void onShutdown() {
        if (!claim()) {
            awaitDone();
            return;
        }
        terminal.err().println("vmfork demo: interrupted; destroying what it created and stopping the simulator");
        terminal.err().flush();
        try {
            demoThread.interrupt();
            ExecutorService pool = forks;
            if (pool != null) {
                pool.shutdownNow();
                pool.awaitTermination(FORKS_END_SECONDS, TimeUnit.SECONDS);
            }
            undo();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done();
        }
    }

    private void undo() {
        Forker opened = forker;
        if (opened != null) {
            destroy(opened, new ArrayList<>(alive.values()));
            try {
                destroy(opened, opened.children(parent));
            } catch (VmforkException e) {
                terminal.warn(
                        "Cannot list the children of " + parent + " to check that none is left: " + e.getMessage());
            }
            opened.close();
        }
        BundledSimulator running = simulator;
        if (running != null) {
            long start = System.nanoTime();
            running.close();
            step.accept("Stopped the simulator", Demo.since(start));
        }
        processes.stopAll();
    }

    private void destroy(Forker opened, List<Child> children) {
        for (Child child : children) {
            long start = System.nanoTime();
            try {
                opened.destroy(child.id(), false);
                alive.remove(child.id());
                step.accept("Destroyed " + child.name() + " (" + child.id() + ")", Demo.since(start));
            } catch (VmforkException e) {
                terminal.warn("Cannot destroy " + child.name() + " (" + child.id() + "): " + e.getMessage());
            }
        }
    }

    private synchronized boolean claim() {
        if (state != State.RUNNING) {
            return false;
        }
        state = State.CLEANING;
        return true;
    }

    private synchronized void done() {
        state = State.DONE;
        notifyAll();
    }

    private synchronized void awaitDone() {
        boolean interrupted = false;
        while (state != State.DONE) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
