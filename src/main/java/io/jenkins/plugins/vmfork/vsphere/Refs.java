package io.jenkins.plugins.vmfork.vsphere;

import com.vmware.vim25.ManagedObjectReference;

/** Managed object references, made from their type and id ({@code VirtualMachine}, {@code vm-42}). */
final class Refs {

    private Refs() {}

    static ManagedObjectReference of(String type, String id) {
        ManagedObjectReference ref = new ManagedObjectReference();
        ref.setType(type);
        ref.set_value(id);
        return ref;
    }

    static ManagedObjectReference vm(String id) {
        return of("VirtualMachine", id);
    }

    static String id(ManagedObjectReference ref) {
        return ref == null ? null : ref.get_value();
    }
}
