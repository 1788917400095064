package io.jenkins.plugins.vmfork.vcsim;

import static io.jenkins.plugins.vmfork.vcsim.Soap.arg;
import static io.jenkins.plugins.vmfork.vcsim.Soap.self;

import com.vmware.vim25.GuestProgramSpec;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.NamePasswordAuthentication;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualMachineCreateChildSpec;
import com.vmware.vim25.mo.GuestProcessManager;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.rmi.RemoteException;
import java.util.Map;

/** The VMFork sequence as the public clients of the private API make it, through yavijava's generic invoke. */
final class ForkCalls {

    static final String QUIESCE_PROGRAM = "/usr/bin/vmtoolsd";
    static final String QUIESCE_ARGUMENTS = "--cmd \"vmfork-begin -1 -1\"";

    private ForkCalls() {}

    static ManagedObjectReference enable(ServiceInstance si, VirtualMachine vm) throws RemoteException {
        return Soap.invokeTask(si, "EnableForkParent_Task", self(vm));
    }

    static ManagedObjectReference disable(ServiceInstance si, VirtualMachine vm) throws RemoteException {
        return Soap.invokeTask(si, "DisableForkParent_Task", self(vm));
    }

    static ManagedObjectReference createChild(
            ServiceInstance si, VirtualMachine parent, String name, boolean persistent, Map<String, String> params)
            throws RemoteException {
        VirtualMachineCreateChildSpec spec = new VirtualMachineCreateChildSpec();
        spec.setPersistent(persistent);
        spec.setConfigParams(params.entrySet().stream()
                .map(e -> {
                    OptionValue option = new OptionValue();
                    option.setKey(e.getKey());
                    option.setValue(e.getValue());
                    return option;
                })
                .toArray(OptionValue[]::new));
        return Soap.invokeTask(
                si,
                "CreateForkChild_Task",
                self(parent),
                arg("name", "String", name),
                arg("spec", "VirtualMachineCreateChildSpec", spec));
    }

    static ManagedObjectReference retrieveChildren(ServiceInstance si, VirtualMachine parent) throws RemoteException {
        return Soap.invokeTask(si, "RetrieveForkChildren_Task", self(parent));
    }

    static ManagedObjectReference retrieveParent(ServiceInstance si, VirtualMachine child) throws RemoteException {
        return Soap.invokeTask(si, "RetrieveForkParent_Task", self(child));
    }

    static long startProgram(
            ServiceInstance si, VirtualMachine vm, String user, String password, String program, String arguments)
            throws RemoteException {
        GuestProgramSpec spec = new GuestProgramSpec();
        spec.setProgramPath(program);
        spec.setArguments(arguments);
        return processes(si, vm).startProgramInGuest(auth(user, password), spec);
    }

    static GuestProcessManager processes(ServiceInstance si, VirtualMachine vm) throws RemoteException {
        return si.getGuestOperationsManager().getProcessManager(vm);
    }

    static NamePasswordAuthentication auth(String user, String password) {
        NamePasswordAuthentication auth = new NamePasswordAuthentication();
        auth.setUsername(user);
        auth.setPassword(password);
        auth.setInteractiveSession(false);
        return auth;
    }

    /** Enables the VM as a fork parent and quiesces it from its guest, waiting until vCenter says it is. */
    static void enableAndQuiesce(ServiceInstance si, Vcsim vcsim, VirtualMachine vm) throws RemoteException {
        Soap.awaitTask(si, enable(si, vm));
        startProgram(si, vm, vcsim.guestUser(), vcsim.guestPassword(), QUIESCE_PROGRAM, QUIESCE_ARGUMENTS);
        Soap.await(si, vm.getMOR(), "runtime.quiescedForkParent", Boolean.TRUE::equals, Soap.WAIT);
    }
}
