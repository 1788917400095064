package io.jenkins.plugins.vmfork.fork;

import java.io.Serializable;
import java.time.Instant;

/**
 * A child VM forked by vmfork, as read back from its tags.
 *
 * @param name the child's name
 * @param id its managed object id, e.g. {@code vm-1042}: what to keep for cleanup after a restart
 * @param ip its IP address, or null when not waited for or not known
 * @param parentName the parent's name, or null when the parent no longer exists
 * @param parentId the parent's managed object id
 * @param createdAt when it was forked (its tag), or null when untagged
 * @param owner the owner tag, e.g. a hash of the Jenkins root URL, or null
 * @param job the job tag, or null
 * @param build the build tag, or null
 */
public record Child(
        String name,
        String id,
        String ip,
        String parentName,
        String parentId,
        Instant createdAt,
        String owner,
        String job,
        String build)
        implements Serializable {

    /** This child with a known IP address. */
    public Child withIp(String newIp) {
        return new Child(name, id, newIp, parentName, parentId, createdAt, owner, job, build);
    }
}
