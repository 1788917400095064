package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.DynamicData;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualMachineCreateChildSpec;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import com.vmware.vim25.ws.Argument;
import java.rmi.RemoteException;
import java.util.Map;

/**
 * The fork calls. The VMFork ones are private (in no WSDL, so yavijava has no method for them) and go through its
 * generic invoke; Instant Clone is newer than yavijava 6.0, which lacks its spec type.
 */
final class ForkCalls {

    /**
     * The spec of InstantClone_Task, with vSphere's field names in the WSDL's order (yavijava writes the fields in
     * declaration order and the class's simple name as xsi:type).
     */
    public static final class VirtualMachineInstantCloneSpec extends DynamicData {
        public String name;
        public VirtualMachineRelocateSpec location;
        public OptionValue[] config;
        public String biosUuid;
    }

    /** The placement of a new child; null parts are left to vCenter (the parent's). */
    record Placement(ManagedObjectReference folder, ManagedObjectReference pool, ManagedObjectReference datastore) {}

    private ForkCalls() {}

    static ManagedObjectReference enableForkParent(Connection c, ManagedObjectReference vm) throws RemoteException {
        return (ManagedObjectReference)
                c.transport.invoke("EnableForkParent_Task", thisOnly(vm), "ManagedObjectReference");
    }

    static ManagedObjectReference disableForkParent(Connection c, ManagedObjectReference vm) throws RemoteException {
        return (ManagedObjectReference)
                c.transport.invoke("DisableForkParent_Task", thisOnly(vm), "ManagedObjectReference");
    }

    static ManagedObjectReference createForkChild(
            Connection c,
            ManagedObjectReference parent,
            String name,
            boolean persistent,
            Map<String, String> params,
            Placement placement)
            throws RemoteException {
        return (ManagedObjectReference) c.transport.invoke(
                "CreateForkChild_Task",
                createForkChildArguments(parent, name, persistent, params, placement),
                "ManagedObjectReference");
    }

    static ManagedObjectReference instantClone(
            Connection c, ManagedObjectReference parent, String name, Map<String, String> params, Placement placement)
            throws RemoteException {
        return (ManagedObjectReference) c.transport.invoke(
                "InstantClone_Task", instantCloneArguments(parent, name, params, placement), "ManagedObjectReference");
    }

    /**
     * {@code CreateForkChild_Task(_this, name, spec)}. The spec's declared type is DynamicData so that the XML
     * carries {@code xsi:type="VirtualMachineCreateChildSpec"}, as vCenter expects for a type outside its WSDL.
     */
    static Argument[] createForkChildArguments(
            ManagedObjectReference parent,
            String name,
            boolean persistent,
            Map<String, String> params,
            Placement placement) {
        VirtualMachineCreateChildSpec spec = new VirtualMachineCreateChildSpec();
        spec.setLocation(location(placement));
        spec.setPersistent(persistent);
        spec.setConfigParams(options(params));
        return new Argument[] {
            new Argument("_this", "ManagedObjectReference", parent),
            new Argument("name", "String", name),
            new Argument("spec", "DynamicData", spec)
        };
    }

    /** {@code InstantClone_Task(_this, spec)}. */
    static Argument[] instantCloneArguments(
            ManagedObjectReference parent, String name, Map<String, String> params, Placement placement) {
        VirtualMachineInstantCloneSpec spec = new VirtualMachineInstantCloneSpec();
        spec.name = name;
        spec.location = location(placement);
        spec.config = options(params);
        return new Argument[] {
            new Argument("_this", "ManagedObjectReference", parent), new Argument("spec", "DynamicData", spec)
        };
    }

    private static Argument[] thisOnly(ManagedObjectReference vm) {
        return new Argument[] {new Argument("_this", "ManagedObjectReference", vm)};
    }

    /** Always sent, empty when nothing is chosen: InstantClone_Task requires a location. */
    private static VirtualMachineRelocateSpec location(Placement placement) {
        VirtualMachineRelocateSpec location = new VirtualMachineRelocateSpec();
        if (placement != null) {
            location.setFolder(placement.folder());
            location.setDatastore(placement.datastore());
            location.setPool(placement.pool());
        }
        return location;
    }

    private static OptionValue[] options(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> {
                    OptionValue option = new OptionValue();
                    option.setKey(e.getKey());
                    option.setValue(e.getValue());
                    return option;
                })
                .toArray(OptionValue[]::new);
    }
}
