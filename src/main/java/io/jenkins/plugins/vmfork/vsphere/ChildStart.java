package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import io.jenkins.plugins.vmfork.vsphere.Waiter.Seen;
import io.jenkins.plugins.vmfork.vsphere.Waiter.Target;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bringing a new child up: power it on and wait until it runs and reports an IP address of its own, watching the
 * power-on task and the VM in one filter. Its power state is not read first, since that is one more request per
 * child: powering on a VM that runs already fails with InvalidPowerState, which counts as done.
 */
final class ChildStart {

    private static final String STATE = "info.state";
    private static final String ERROR = "info.error";
    private static final String POWER = "runtime.powerState";
    private static final String IP = "guest.ipAddress";

    private final Connection c;
    private final VmRef vm;
    private final ManagedObjectReference ref;
    private final String notIp;
    private final Deadline powerDeadline;
    private final Deadline ipDeadline;

    private ChildStart(Connection c, VmRef vm, String notIp, Deadline powerDeadline, Deadline ipDeadline) {
        this.c = c;
        this.vm = vm;
        this.ref = Refs.vm(vm.id());
        this.notIp = notIp;
        this.powerDeadline = powerDeadline;
        this.ipDeadline = ipDeadline;
    }

    /**
     * Powers the VM on (when {@code powerOn}, else only when it shows that it does not run) and waits until it runs
     * and, with an IP deadline, reports an IP address other than {@code notIp}. Returns the address seen last: when
     * the IP deadline passes first, {@code notIp} or null. A failed power-on throws vCenter's fault; one that does not
     * end by the power deadline is cancelled and reported as every task.
     */
    static Vsphere.Started run(
            Connection c, VmRef vm, boolean powerOn, String notIp, Deadline powerDeadline, Deadline ipDeadline)
            throws RemoteException {
        return new ChildStart(c, vm, notIp, powerDeadline, ipDeadline).run(powerOn);
    }

    private Vsphere.Started run(boolean powerOn) throws RemoteException {
        ManagedObjectReference task = powerOn ? powerOn() : null;
        Seen seen = watch(task, powerOn);
        if (!powerOn && !running(seen.values()) && seen.values().containsKey(POWER)) {
            task = powerOn();
            seen = watch(task, true);
        }

        Map<String, Object> v = seen.values();
        if (task != null && (failed(v) || !running(v) && powerDeadline.expired())) {
            awaitTask(task);
        }
        if (!running(v) && ipDeadline == null) {
            throw new VimException(
                    VimException.Kind.TIMEOUT,
                    null,
                    "VM " + vm.name() + " was not running " + Tasks.seconds(powerDeadline.elapsed())
                            + " after it was powered on: check the VM in vCenter or allow more time");
        }
        return new Vsphere.Started(running(v), (String) v.get(IP));
    }

    /** PowerOnVM_Task's task, or null when vCenter refused the call because the VM runs already. */
    private ManagedObjectReference powerOn() throws RemoteException {
        try {
            return c.port.powerOnVM_Task(ref, null);
        } catch (RemoteException e) {
            if (Faults.is(e, "InvalidPowerState")) {
                return null;
            }
            throw e;
        }
    }

    private Seen watch(ManagedObjectReference task, boolean poweringOn) throws RemoteException {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(ref, ipDeadline == null ? List.of(POWER) : List.of(POWER, IP)));
        if (task != null) {
            targets.add(new Target(task, List.of(STATE, ERROR)));
        }
        Deadline deadline = ipDeadline != null ? ipDeadline : powerDeadline;
        return Waiter.watch(c, targets, v -> done(v, poweringOn), deadline, "waiting for " + vm.name() + " to start");
    }

    /**
     * Done when the power-on failed, when the VM runs with the IP asked for, when a VM not being powered on shows
     * that it does not run (so that it is powered on after all), or when the power deadline has passed.
     */
    private boolean done(Map<String, Object> v, boolean poweringOn) {
        if (failed(v)) {
            return true;
        }
        if (running(v)) {
            return ipDeadline == null || ipOfItsOwn(v);
        }
        return !poweringOn && v.containsKey(POWER) || powerDeadline.expired();
    }

    /**
     * The power-on task failed for another reason than that the VM runs already. (A VM that vCenter reports as
     * running has been powered on, whether or not its task has ended yet.)
     */
    private static boolean failed(Map<String, Object> v) {
        if (!"error".equals(String.valueOf(v.get(STATE)))) {
            return false;
        }
        return !(v.get(ERROR) instanceof LocalizedMethodFault error
                && error.getFault() != null
                && error.getFault().getClass().getSimpleName().equals("InvalidPowerState"));
    }

    private static boolean running(Map<String, Object> v) {
        return "poweredOn".equals(String.valueOf(v.get(POWER)));
    }

    private boolean ipOfItsOwn(Map<String, Object> v) {
        return v.get(IP) != null && !v.get(IP).equals(notIp);
    }

    /** Reports a failed or late power-on as every task wait does: vCenter's fault, or cancelled at the deadline. */
    private void awaitTask(ManagedObjectReference task) throws RemoteException {
        try {
            Tasks.await(c, task, "Powering on " + vm.name(), vm.name(), powerDeadline);
        } catch (VimException e) {
            if (!e.isFault("InvalidPowerState")) {
                throw e;
            }
        }
    }
}
