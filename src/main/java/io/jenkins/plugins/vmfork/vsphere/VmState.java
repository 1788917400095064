package io.jenkins.plugins.vmfork.vsphere;

import java.util.Map;

/**
 * The few properties of a VM that the fork sequence reads.
 *
 * @param powerState {@code poweredOn}, {@code poweredOff} or {@code suspended}
 * @param forkParent whether it is enabled as a VMFork parent
 * @param quiesced whether it is quiesced (VMFork) or frozen (Instant Clone)
 * @param ip the guest's primary IP address, or null
 * @param folderId the id of its folder
 * @param tags its config parameters that start with the prefix asked for
 */
public record VmState(
        String id,
        String name,
        String powerState,
        boolean forkParent,
        boolean quiesced,
        String ip,
        String folderId,
        Map<String, String> tags) {

    public VmState {
        tags = Map.copyOf(tags);
    }

    public VmRef ref() {
        return new VmRef(id, name);
    }

    public boolean poweredOn() {
        return "poweredOn".equals(powerState);
    }
}
