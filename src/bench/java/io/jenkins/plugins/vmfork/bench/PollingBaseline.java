package io.jenkins.plugins.vmfork.bench;

import com.vmware.vim25.DynamicData;
import com.vmware.vim25.GuestInfo;
import com.vmware.vim25.GuestProgramSpec;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.NamePasswordAuthentication;
import com.vmware.vim25.VirtualMachineCreateChildSpec;
import com.vmware.vim25.VirtualMachinePowerState;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.ManagedEntity;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.mo.VirtualMachine;
import com.vmware.vim25.ws.Argument;
import java.net.URL;

/**
 * The way the existing Jenkins vSphere plugin drives yavijava, as the baseline: every operation (fork, power on,
 * wait for the IP, destroy) opens its own {@code ServiceInstance} (a login), finds its VM by name through an
 * {@code InventoryNavigator}, waits for tasks with yavijava's polling {@code Task.waitForTask()} (a read of the
 * whole task info every 500 ms while running, then a 1 s sleep after it ended), polls the guest IP every 5 s, and
 * logs out. The fork itself goes through yavijava's generic invoke, as vmfork's does.
 *
 * <p>This is benchmark code standing for another client, so it uses yavijava directly; the plugin itself keeps
 * yavijava inside its vsphere package.
 */
final class PollingBaseline implements ChildClient {

    /** How often the vSphere plugin reads a VM it waits for (its IP, its power state). */
    private static final long POLL_MILLIS = 5_000;

    private static final long TIMEOUT_MILLIS = 120_000;

    /** InstantClone_Task's spec, which yavijava 6.0 lacks: fields in the WSDL's order, the class name as type. */
    public static final class VirtualMachineInstantCloneSpec extends DynamicData {
        public String name;
        public VirtualMachineRelocateSpec location;
    }

    private final URL url;
    private final String user;
    private final String password;
    private final String parent;
    private final boolean instantClone;

    PollingBaseline(String url, String user, String password, String parent, boolean instantClone) throws Exception {
        this.url = new URL(url);
        this.user = user;
        this.password = password;
        this.parent = parent;
        this.instantClone = instantClone;
    }

    /**
     * Makes the parent a quiesced fork parent (VMFork): EnableForkParent_Task through the generic invoke, then
     * vmfork-begin started in the guest, then {@code runtime} read every 5 s until it says quiesced, each step
     * with its own login, as the plugin polls its other waits.
     */
    void prepareParent(String guestUser, String guestPassword) throws Exception {
        ServiceInstance si = login();
        try {
            VirtualMachine vm = vm(si, parent);
            ManagedObjectReference task = (ManagedObjectReference) si.getServerConnection()
                    .getVimService()
                    .getWsc()
                    .invoke(
                            "EnableForkParent_Task",
                            new Argument[] {new Argument("_this", "ManagedObjectReference", vm.getMOR())},
                            "ManagedObjectReference");
            expectSuccess(new Task(si.getServerConnection(), task), "enabling " + parent);
        } finally {
            si.getServerConnection().logout();
        }
        si = login();
        try {
            NamePasswordAuthentication auth = new NamePasswordAuthentication();
            auth.setUsername(guestUser);
            auth.setPassword(guestPassword);
            auth.setInteractiveSession(false);
            GuestProgramSpec spec = new GuestProgramSpec();
            spec.setProgramPath("/usr/bin/vmtoolsd");
            spec.setArguments("--cmd \"vmfork-begin -1 -1\"");
            si.getGuestOperationsManager().getProcessManager(vm(si, parent)).startProgramInGuest(auth, spec);
        } finally {
            si.getServerConnection().logout();
        }
        si = login();
        try {
            VirtualMachine vm = vm(si, parent);
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (!Boolean.TRUE.equals(vm.getRuntime().getQuiescedForkParent())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(parent + " was not quiesced");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            si.getServerConnection().logout();
        }
    }

    @Override
    public String forkUntilReady(String name) throws Exception {
        fork(name);
        if (!instantClone) {
            powerOn(name);
        }
        waitForIp(name);
        return name;
    }

    private void fork(String name) throws Exception {
        ServiceInstance si = login();
        try {
            VirtualMachine source = vm(si, parent);
            Argument[] args = instantClone ? instantCloneArgs(source, name) : forkChildArgs(source, name);
            String method = instantClone ? "InstantClone_Task" : "CreateForkChild_Task";
            ManagedObjectReference task = (ManagedObjectReference)
                    si.getServerConnection().getVimService().getWsc().invoke(method, args, "ManagedObjectReference");
            expectSuccess(new Task(si.getServerConnection(), task), method + " of " + name);
        } finally {
            si.getServerConnection().logout();
        }
    }

    private void powerOn(String name) throws Exception {
        ServiceInstance si = login();
        try {
            VirtualMachine vm = vm(si, name);
            if (vm.getRuntime().getPowerState() != VirtualMachinePowerState.poweredOn) {
                expectSuccess(vm.powerOnVM_Task(null), "powering on " + name);
            }
        } finally {
            si.getServerConnection().logout();
        }
    }

    private void waitForIp(String name) throws Exception {
        ServiceInstance si = login();
        try {
            VirtualMachine vm = vm(si, name);
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (true) {
                GuestInfo guest = vm.getGuest();
                if (guest != null && guest.getIpAddress() != null) {
                    return;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("no IP for " + name);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } finally {
            si.getServerConnection().logout();
        }
    }

    @Override
    public void destroy(String name) throws Exception {
        ServiceInstance si = login();
        try {
            VirtualMachine vm = vm(si, name);
            if (vm.getRuntime().getPowerState() == VirtualMachinePowerState.poweredOn) {
                expectSuccess(vm.powerOffVM_Task(), "powering off " + name);
            }
            expectSuccess(vm.destroy_Task(), "destroying " + name);
        } finally {
            si.getServerConnection().logout();
        }
    }

    /** How many VMs the whole inventory holds, counted through the API and independently of vmfork. */
    int countVms() throws Exception {
        ServiceInstance si = login();
        try {
            ManagedEntity[] vms = new InventoryNavigator(si.getRootFolder()).searchManagedEntities("VirtualMachine");
            return vms == null ? 0 : vms.length;
        } finally {
            si.getServerConnection().logout();
        }
    }

    private ServiceInstance login() throws Exception {
        // The plugin's "allow untrusted certificate" switch, as most installations against a self-signed vCenter.
        return new ServiceInstance(url, user, password, true);
    }

    private static VirtualMachine vm(ServiceInstance si, String name) throws Exception {
        VirtualMachine vm =
                (VirtualMachine) new InventoryNavigator(si.getRootFolder()).searchManagedEntity("VirtualMachine", name);
        if (vm == null) {
            throw new IllegalStateException("no VM named " + name);
        }
        return vm;
    }

    private static void expectSuccess(Task task, String what) throws Exception {
        String state = task.waitForTask();
        if (!Task.SUCCESS.equals(state)) {
            throw new IllegalStateException(what + " ended in " + state);
        }
    }

    private static Argument[] forkChildArgs(VirtualMachine source, String name) {
        VirtualMachineCreateChildSpec spec = new VirtualMachineCreateChildSpec();
        spec.setLocation(new VirtualMachineRelocateSpec());
        spec.setPersistent(false);
        return new Argument[] {
            new Argument("_this", "ManagedObjectReference", source.getMOR()),
            new Argument("name", "String", name),
            new Argument("spec", "DynamicData", spec)
        };
    }

    private static Argument[] instantCloneArgs(VirtualMachine source, String name) {
        VirtualMachineInstantCloneSpec spec = new VirtualMachineInstantCloneSpec();
        spec.name = name;
        spec.location = new VirtualMachineRelocateSpec();
        return new Argument[] {
            new Argument("_this", "ManagedObjectReference", source.getMOR()), new Argument("spec", "DynamicData", spec)
        };
    }
}
