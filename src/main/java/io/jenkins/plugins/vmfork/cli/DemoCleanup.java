package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Undoes what the demo created: children still alive, the session, the simulator and any build still running.
 * Runs once, from whichever comes first: the demo's own way out, or the shutdown hook of Ctrl-C. The hook first
 * stops the demo's threads, then destroys the children that had been handed back and any other child of the
 * parent, checks that none is left, and stops the simulator.
 */
final class DemoCleanup {

    private enum State {
        RUNNING,
        CLEANING,
        DONE
    }

    /** How long the hook lets the interrupted demo end its vCenter calls (forks destroy half-made children). */
    private static final long DEMO_STOP_SECONDS = 120;

    private final Terminal terminal;
    private final BiConsumer<String, Duration> step;
    private final Thread demoThread = Thread.currentThread();
    private final ProcessTracker processes = new ProcessTracker();
    private final Map<String, Child> alive = new ConcurrentHashMap<>();
    private final Thread hook = new Thread(this::onShutdown, "vmfork demo cleanup");
    private final CountDownLatch demoStopped = new CountDownLatch(1);
    private volatile boolean aborted;
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

    /** Whether Ctrl-C (or another end of the JVM) interrupted the demo. */
    boolean aborted() {
        return aborted;
    }

    /** The demo's own way out, after success or failure; after Ctrl-C it waits for the hook's cleanup. */
    void finish() {
        demoStopped.countDown();
        if (!claim()) {
            awaitDone();
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            if (interrupted) {
                // Ctrl-C reached the demo before this class's hook: the forks may still be running, and a child
                // they create after the check below would be left behind.
                aborted = true;
                stopForks();
            }
            undo();
        } catch (InterruptedException e) {
            terminal.warn("Interrupted while waiting for the forks to stop; cleaning up anyway");
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
        aborted = true;
        terminal.err().println("vmfork: interrupted; destroying what the demo created, then stopping the simulator");
        terminal.err().flush();
        try {
            stopDemo();
            undo();
            terminal.err()
                    .println("vmfork: interrupted; the demo destroyed what it had created and stopped the "
                            + "simulator");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminal.err().flush();
            done();
        }
    }

    /**
     * Interrupts the demo and waits until it no longer uses vCenter, so that no child is destroyed twice at once.
     * A fork interrupted after vCenter created its child destroys that child before it returns.
     */
    private void stopDemo() throws InterruptedException {
        demoThread.interrupt();
        stopForks();
        if (!demoStopped.await(DEMO_STOP_SECONDS, TimeUnit.SECONDS)) {
            terminal.warn("The demo did not stop within " + DEMO_STOP_SECONDS + " s; cleaning up anyway");
        }
    }

    /** Interrupts the forks in flight and waits for them: an interrupted fork destroys its half-made child. */
    private void stopForks() throws InterruptedException {
        ExecutorService pool = forks;
        if (pool != null) {
            pool.shutdownNow();
            if (!pool.awaitTermination(DEMO_STOP_SECONDS, TimeUnit.SECONDS)) {
                terminal.warn("The forks did not stop within " + DEMO_STOP_SECONDS + " s; cleaning up anyway");
            }
        }
    }

    private void undo() {
        Forker opened = forker;
        if (opened != null) {
            destroy(opened, new ArrayList<>(alive.values()));
            destroyOthers(opened);
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

    /** Destroys children that were never handed back (a fork cut short), and checks that none is left. */
    private void destroyOthers(Forker opened) {
        try {
            destroy(opened, opened.children(parent));
            List<Child> left = opened.children(parent);
            if (!left.isEmpty()) {
                terminal.warn("Children of " + parent + " are left: "
                        + String.join(", ", left.stream().map(Child::name).toList()));
            } else if (aborted) {
                step.accept("Checked through the vCenter API: " + parent + " has no child left", null);
            }
        } catch (VmforkException e) {
            terminal.warn("Cannot check that no child of " + parent + " is left: " + e.getMessage());
        }
    }

    private void destroy(Forker opened, List<Child> children) {
        for (Child child : children) {
            long start = System.nanoTime();
            try {
                boolean destroyedNow = opened.destroy(child.id(), false);
                alive.remove(child.id());
                if (destroyedNow) {
                    step.accept("Destroyed " + child.name() + " (" + child.id() + ")", Demo.since(start));
                }
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
