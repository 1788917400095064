package io.jenkins.plugins.vmfork.fork;

import java.util.List;

/**
 * What a parent VM is ready for.
 *
 * @param name the parent's name
 * @param id its managed object id, e.g. {@code vm-42}
 * @param enabled whether it is a fork parent (VMFork) or powered on (Instant Clone)
 * @param quiesced whether it is quiesced (VMFork) or frozen (Instant Clone), so that children can be forked
 * @param children names of its children that carry vmfork's tags
 * @param ip its guest's IP address, or null; a child's IP must differ from it
 */
public record ParentStatus(
        String name, String id, boolean enabled, boolean quiesced, List<String> children, String ip) {

    public ParentStatus {
        children = List.copyOf(children);
    }
}
