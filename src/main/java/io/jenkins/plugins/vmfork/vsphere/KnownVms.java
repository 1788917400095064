package io.jenkins.plugins.vmfork.vsphere;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where VMs named by name, inventory path or id were found on one vCenter, so that a parent is looked up once rather
 * than for every child (a lookup by name reads every VM's name: four or five requests, and more in a large
 * inventory). Shared by every session to that vCenter in this JVM, since managed object ids outlive sessions and
 * builds that run one after the other each log in anew. An entry is only a guess: whoever uses it reads the VM
 * anyway and checks that it still has the name and folder it had when it was found; otherwise the entry is forgotten
 * and the VM looked up again. A VM of the same name created elsewhere later is not noticed while the first one stays.
 */
final class KnownVms {

    private static final Map<String, KnownVms> BY_VCENTER = new ConcurrentHashMap<>();

    /** A generous bound on the parents and other VMs one session looks up; past it everything is looked up anew. */
    static final int MAX_ENTRIES = 1000;

    /** Where a VM was found, and what it was like then. */
    record Found(String id, String name, String folderId) {}

    private final Map<String, Found> bySpec = new ConcurrentHashMap<>();

    /** The VMs known on the vCenter at this SDK URL. */
    static KnownVms on(String url) {
        return BY_VCENTER.computeIfAbsent(url, u -> new KnownVms());
    }

    Found recall(String spec) {
        return bySpec.get(spec);
    }

    void remember(String spec, Found found) {
        if (bySpec.size() >= MAX_ENTRIES) {
            bySpec.clear();
        }
        bySpec.put(spec, found);
    }

    void forget(String spec) {
        bySpec.remove(spec);
    }
}
