package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import java.rmi.RemoteException;
import java.util.Map;

/** Destroying a VM idempotently: power off when on, Destroy_Task, and a VM that is gone counts as done. */
final class VmRemoval {

    private VmRemoval() {}

    static boolean destroy(VimSession session, VmRef vm, Deadline deadline) {
        String what = "Destroying " + vm.name() + " (" + vm.id() + ")";
        return session.call(what, c -> {
            ManagedObjectReference ref = Refs.vm(vm.id());
            try {
                Map<String, Object> values = Props.read(c, ref, "runtime.powerState");
                if (values == null) {
                    return false;
                }
                if (!"poweredOff".equals(String.valueOf(values.get("runtime.powerState")))) {
                    powerOff(c, ref, vm, deadline);
                }
                Tasks.await(c, c.port.destroy_Task(ref), what, vm.name(), deadline);
                return true;
            } catch (RemoteException | VimException e) {
                if (Faults.is(e, "ManagedObjectNotFound")) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static void powerOff(Connection c, ManagedObjectReference ref, VmRef vm, Deadline deadline)
            throws RemoteException {
        try {
            Tasks.await(c, c.port.powerOffVM_Task(ref), "Powering off " + vm.name(), vm.name(), deadline);
        } catch (RemoteException | VimException e) {
            // InvalidPowerState: powered off by someone else meanwhile, which is what we wanted.
            if (!Faults.is(e, "InvalidPowerState")) {
                throw e;
            }
        }
    }
}
