package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.GuestProcessInfo;
import com.vmware.vim25.GuestProgramSpec;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.NamePasswordAuthentication;
import java.rmi.RemoteException;
import java.util.Map;

/** Programs in a VM's guest through VMware Tools (GuestOperationsManager's ProcessManager). */
final class Guest {

    private static final String[] READY = {
        "guest.guestOperationsReady", "guest.toolsRunningStatus", "runtime.powerState"
    };

    private Guest() {}

    /** Waits until the guest accepts operations; fails at once when the VM is not powered on. */
    static void awaitReady(Connection c, ManagedObjectReference vm, String name, Deadline deadline)
            throws RemoteException {
        String what = "Waiting for the guest of VM " + name + " to accept operations";
        Map<String, Object> values = Waiter.until(
                c,
                vm,
                READY,
                v -> Boolean.TRUE.equals(v.get("guest.guestOperationsReady")) || !poweredOn(v),
                deadline,
                what);
        if (values != null && !poweredOn(values)) {
            throw new VimException(
                    VimException.Kind.REFUSED,
                    null,
                    "VM " + name + " is " + values.get("runtime.powerState") + ": power it on and let its guest boot");
        }
        if (values == null) {
            Map<String, Object> now = Props.read(c, vm, READY);
            boolean toolsDown = now != null && "guestToolsNotRunning".equals(now.get("guest.toolsRunningStatus"));
            throw new VimException(
                    toolsDown ? VimException.Kind.REFUSED : VimException.Kind.TIMEOUT,
                    null,
                    (toolsDown ? "VMware Tools are not running in VM " : "The guest of VM ") + name
                            + (toolsDown ? "" : " did not accept guest operations") + " after waiting "
                            + Tasks.seconds(deadline.elapsed())
                            + ": check that the guest has booted and VMware Tools are installed and running");
        }
    }

    /** Starts a command and returns its process id without waiting for it. */
    static long start(Connection c, ManagedObjectReference vm, String user, String password, String command)
            throws RemoteException {
        return c.port.startProgramInGuest(processManager(c), vm, auth(user, password), program(command));
    }

    /**
     * Runs a command and waits for it to exit; returns its exit code. Guest processes are not properties, so this
     * asks ListProcessesInGuest, at growing intervals up to a second.
     */
    static int run(
            Connection c,
            ManagedObjectReference vm,
            String user,
            String password,
            String command,
            Deadline deadline,
            String what)
            throws RemoteException {
        long pid = start(c, vm, user, password, command);
        long pause = 50;
        while (true) {
            GuestProcessInfo[] processes =
                    c.port.listProcessesInGuest(processManager(c), vm, auth(user, password), new long[] {pid});
            if (processes != null && processes.length > 0 && processes[0].getEndTime() != null) {
                Integer code = processes[0].getExitCode();
                return code == null ? 0 : code;
            }
            if (deadline.expired()) {
                throw new VimException(
                        VimException.Kind.TIMEOUT,
                        null,
                        what + ": process " + pid + " did not end within " + Tasks.seconds(deadline.allowed()));
            }
            sleep(Math.min(pause, deadline.remaining().toMillis() + 1), what);
            pause = Math.min(1000, pause * 2);
        }
    }

    /**
     * A command as a program and its arguments. An absolute program path is started directly; anything else runs
     * through {@code /bin/sh -c}, since guest operations start no shell and search no PATH (so such commands need a
     * Unix guest).
     */
    static GuestProgramSpec program(String command) {
        String trimmed = command.strip();
        GuestProgramSpec spec = new GuestProgramSpec();
        boolean absolute = trimmed.startsWith("/") || trimmed.matches("(?s)[A-Za-z]:\\\\.*");
        if (absolute) {
            int space = trimmed.indexOf(' ');
            spec.setProgramPath(space < 0 ? trimmed : trimmed.substring(0, space));
            spec.setArguments(space < 0 ? "" : trimmed.substring(space + 1));
        } else {
            spec.setProgramPath("/bin/sh");
            spec.setArguments("-c '" + trimmed.replace("'", "'\\''") + "'");
        }
        return spec;
    }

    private static NamePasswordAuthentication auth(String user, String password) {
        NamePasswordAuthentication auth = new NamePasswordAuthentication();
        auth.setUsername(user);
        auth.setPassword(password);
        auth.setInteractiveSession(false);
        return auth;
    }

    private static ManagedObjectReference processManager(Connection c) throws RemoteException {
        if (c.refs.guestOperationsManager() == null) {
            throw new VimException(
                    VimException.Kind.REFUSED,
                    null,
                    c.endpoint.url() + " offers no guest operations: vmfork needs vSphere 5.0 or later");
        }
        Map<String, Object> values = Props.read(c, c.refs.guestOperationsManager(), "processManager");
        return (ManagedObjectReference) values.get("processManager");
    }

    private static boolean poweredOn(Map<String, Object> values) {
        Object state = values.get("runtime.powerState");
        return state == null || "poweredOn".equals(state.toString());
    }

    private static void sleep(long millis, String what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw VimException.interrupted(what);
        }
    }
}
