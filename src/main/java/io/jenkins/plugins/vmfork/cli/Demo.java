package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.ChildSpec;
import io.jenkins.plugins.vmfork.fork.ForkEvent;
import io.jenkins.plugins.vmfork.fork.ForkListener;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import io.jenkins.plugins.vmfork.fork.ParentStatus;
import io.jenkins.plugins.vmfork.fork.QuiesceOptions;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One run of the demo. Everything it creates (the build of the simulator, the simulator, children) is undone by
 * {@link DemoCleanup}, on the normal way out, on failure, and from a shutdown hook on Ctrl-C.
 */
final class Demo {

    private final Terminal terminal;
    private final boolean verbose;
    private final Path checkout;
    private final List<String> simulatorFlags;
    private final int count;
    private final long startNanos = System.nanoTime();
    private final DemoCleanup cleanup;

    Demo(Terminal terminal, boolean verbose, Path checkout, List<String> simulatorFlags, int count) {
        this.terminal = terminal;
        this.verbose = verbose;
        this.checkout = checkout;
        this.simulatorFlags = List.copyOf(simulatorFlags);
        this.count = count;
        this.cleanup = new DemoCleanup(terminal, this::line);
    }

    int run() {
        terminal.out()
                .println("vmfork demo: what a CI build does with vmfork, against the bundled vCenter "
                        + "simulator (Ctrl-C cleans up at any time)");
        cleanup.install();
        try {
            BundledSimulator simulator = startSimulator();
            Forker forker = connect(simulator);
            enableParent(forker, simulator);
            List<Child> children = forkInParallel(forker, simulator.parent());
            destroyAll(forker, children);
            checkNoneLeft(forker, simulator.parent(), children);
            cleanup.finish();
            terminal.out()
                    .println("Done in " + ForkEvent.seconds(elapsed()) + ": " + Printer.count(count)
                            + " forked in parallel and destroyed, nothing left behind.");
            terminal.out().flush();
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            if (cleanup.aborted()) {
                throw CliException.reported(ExitCodes.INTERRUPTED);
            }
            throw e;
        } finally {
            cleanup.finish();
            cleanup.uninstall();
        }
    }

    private BundledSimulator startSimulator() {
        long start = System.nanoTime();
        if (BundledSimulator.needsBuild(checkout)) {
            step(
                    "Building the simulator with " + BundledSimulator.BUILD_SCRIPT + " (once; about 20 s, more if "
                            + "Go must be installed)",
                    null);
            BundledSimulator.build(checkout, terminal, cleanup.processes());
            step("Built the simulator", since(start));
            start = System.nanoTime();
        }
        BundledSimulator simulator = BundledSimulator.start(checkout, simulatorFlags, cleanup.processes());
        cleanup.simulator(simulator);
        step("Started the vCenter simulator (pid " + simulator.pid() + ") at " + simulator.url(), since(start));
        return simulator;
    }

    private Forker connect(BundledSimulator simulator) {
        long start = System.nanoTime();
        VCenter vcenter = new VCenter(
                simulator.url(),
                simulator.user(),
                simulator.password(),
                Trust.pinned(simulator.thumbprint()),
                null,
                null);
        Forker forker = Forker.open(vcenter, ForkMode.AUTO, listener());
        cleanup.forker(forker, simulator.parent());
        step(
                "Logged in as " + simulator.user() + ", certificate pinned: "
                        + forker.about().fullName() + ", mode "
                        + Modes.name(forker.about().mode()),
                since(start));
        return forker;
    }

    private void enableParent(Forker forker, BundledSimulator simulator) {
        long start = System.nanoTime();
        GuestCredentials guest = new GuestCredentials(simulator.guestUser(), simulator.guestPassword());
        ParentStatus status = forker.enableParent(simulator.parent(), guest, QuiesceOptions.defaults());
        String prepared = forker.about().mode() == ForkMode.INSTANT_CLONE ? "frozen" : "enabled and quiesced";
        if (!status.quiesced()) {
            throw new CliException(
                    ExitCodes.INTERNAL,
                    "Parent " + status.name() + " is not " + prepared
                            + " after preparing it: the simulator and vmfork disagree; report it with the "
                            + "--verbose output");
        }
        step(
                "Prepared parent " + status.name() + " (" + status.id() + "): " + prepared
                        + " through guest operations as " + guest.user(),
                since(start));
    }

    private List<Child> forkInParallel(Forker forker, String parent) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        cleanup.forks(pool);
        try {
            List<Future<Child>> forks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                forks.add(pool.submit(() -> forkOne(forker, parent)));
            }
            List<Child> children = new ArrayList<>();
            for (Future<Child> fork : forks) {
                children.add(fork.get());
            }
            step("Forked " + Printer.count(count) + " in parallel", since(start));
            return children;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "Interrupted while forking");
        } finally {
            pool.shutdownNow();
        }
    }

    private Child forkOne(Forker forker, String parent) {
        long start = System.nanoTime();
        ChildSpec spec = ChildSpec.builder(parent)
                .namePrefix("vmfork-demo")
                .tags(ChildCommand.DEFAULT_OWNER, "demo", "1")
                .waitForIp(true)
                .timeouts(Duration.ofMinutes(2), Duration.ofMinutes(2))
                .build();
        Child child = forker.fork(spec);
        cleanup.created(child);
        step("Forked " + child.name() + " (" + child.id() + ") from " + parent + ", IP " + child.ip(), since(start));
        return child;
    }

    private void destroyAll(Forker forker, List<Child> children) {
        long start = System.nanoTime();
        for (Child child : children) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CliException(ExitCodes.INTERRUPTED, "Interrupted while destroying the children");
            }
            long one = System.nanoTime();
            forker.destroy(child.id(), false);
            cleanup.destroyed(child);
            step("Destroyed " + child.name() + " (" + child.id() + ")", since(one));
        }
        step("Destroyed " + Printer.count(children.size()), since(start));
    }

    private void checkNoneLeft(Forker forker, String parent, List<Child> children) {
        List<Child> left = forker.children(parent);
        List<Child> found =
                children.stream().filter(c -> forker.child(c.id()).isPresent()).toList();
        if (!left.isEmpty() || !found.isEmpty()) {
            throw new CliException(
                    ExitCodes.INTERNAL,
                    "Children are left after destroying them: "
                            + String.join(
                                    ", ",
                                    (left.isEmpty() ? found : left)
                                            .stream().map(Child::name).toList()));
        }
        step("Checked through the vCenter API: " + parent + " has no child left", null);
    }

    private ForkListener listener() {
        return new ForkListener() {
            @Override
            public void progress(ForkEvent event) {
                if (verbose || cleanup.aborted()) {
                    terminal.err().println("    " + event.line());
                    terminal.err().flush();
                }
            }

            @Override
            public void warning(String message) {
                terminal.warn(message);
            }
        };
    }

    /** Prints a step of the demo; once Ctrl-C was pressed only the cleanup's steps are printed. */
    private void step(String what, Duration took) {
        if (!cleanup.aborted()) {
            line(what, took);
        }
    }

    /** Prints one line: the time since the demo started, what happened, and how long it took. */
    private synchronized void line(String what, Duration took) {
        terminal.out()
                .println(String.format(
                        Locale.ROOT,
                        "[%6s] %s%s",
                        ForkEvent.seconds(elapsed()),
                        what,
                        took == null ? "" : " (" + ForkEvent.seconds(took) + ")"));
        terminal.out().flush();
    }

    private Duration elapsed() {
        return since(startNanos);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
