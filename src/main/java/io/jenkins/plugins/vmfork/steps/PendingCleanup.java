package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.Child;
import java.time.Instant;

/**
 * A child that a build forked and that is to be destroyed when the build ends, or whose destruction failed and is
 * retried. Holds names and ids only, never a secret.
 *
 * @param vcenter the configured vCenter's name
 * @param childId the child's managed object id, e.g. {@code vm-1042}
 * @param childName the child's name, for messages
 * @param runId the owning build, {@code job#number}
 * @param since when it was recorded
 * @param attempts how many destructions failed so far
 * @param lastError the message of the last failed destruction, or null
 */
record PendingCleanup(
        String vcenter, String childId, String childName, String runId, Instant since, int attempts, String lastError) {

    static PendingCleanup of(String vcenter, Child child, String runId) {
        return new PendingCleanup(vcenter, child.id(), child.name(), runId, Instant.now(), 0, null);
    }

    boolean sameChild(String otherVcenter, String otherChildId) {
        return vcenter.equals(otherVcenter) && childId.equals(otherChildId);
    }

    PendingCleanup failedAgain(String error) {
        return new PendingCleanup(vcenter, childId, childName, runId, since, attempts + 1, error);
    }

    /** "ci-7-x3k (vm-1042) on lab", for messages. */
    String describe() {
        return childName + " (" + childId + ") on " + vcenter;
    }
}
