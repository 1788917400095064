package io.jenkins.plugins.vmfork.fork;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Which tagged children a sweep destroys: all conditions that are given must hold. Untagged VMs are never swept.
 *
 * @param parent only children of this parent (name, path or id), or null for children of every parent
 * @param olderThan only children forked longer ago than this, or null for any age
 * @param owner only children with this owner tag, or null for any owner
 * @param job only children with this job tag, or null for any job
 * @param builds only children with one of these build tags; empty for any build
 * @param dryRun list what would be destroyed without destroying it
 */
public record SweepCriteria(
        String parent, Duration olderThan, String owner, String job, Set<String> builds, boolean dryRun) {

    public SweepCriteria {
        builds = builds == null ? Set.of() : Set.copyOf(builds);
        if (olderThan != null && olderThan.isNegative()) {
            throw new VmforkException(
                    VmforkException.Kind.USAGE,
                    null,
                    "The sweep age " + olderThan + " is negative: give a positive duration");
        }
    }

    /** Every tagged child of this parent (or of every parent when null). */
    public static SweepCriteria childrenOf(String parent) {
        return new SweepCriteria(parent, null, null, null, Set.of(), false);
    }

    /** These criteria, narrowed to children forked longer ago than the given age. */
    public SweepCriteria olderThan(Duration age) {
        return new SweepCriteria(parent, age, owner, job, builds, dryRun);
    }

    /** These criteria, narrowed to one owner. */
    public SweepCriteria ownedBy(String newOwner) {
        return new SweepCriteria(parent, olderThan, newOwner, job, builds, dryRun);
    }

    /** These criteria, narrowed to the given builds of a job. */
    public SweepCriteria ofBuilds(String newJob, Set<String> newBuilds) {
        return new SweepCriteria(parent, olderThan, owner, newJob, newBuilds, dryRun);
    }

    /** These criteria, only listing what would be destroyed. */
    public SweepCriteria listOnly() {
        return new SweepCriteria(parent, olderThan, owner, job, builds, true);
    }

    /** Whether a child matches; its age is taken at {@code now}. */
    public boolean matches(Child child, Instant now) {
        if (child.createdAt() == null) {
            return false;
        }
        return (olderThan == null || child.createdAt().plus(olderThan).isBefore(now))
                && (owner == null || owner.equals(child.owner()))
                && (job == null || job.equals(child.job()))
                && (builds.isEmpty() || builds.contains(child.build()));
    }
}
