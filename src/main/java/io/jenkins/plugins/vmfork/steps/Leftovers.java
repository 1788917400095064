package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.SweepCriteria;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Destroying what builds left: the recorded children of a build that ended, the records whose destruction failed
 * before, and children tagged by this Jenkins whose build no longer runs. VMs without vmfork's tags, children of
 * another Jenkins and kept children are never touched. No Jenkins types: whether a build still runs is asked of the
 * caller.
 */
final class Leftovers {

    private final PendingCleanups pending;
    private final ForkerSource forkers;
    private final BuildLog log;
    private final ChildLifecycle lifecycle;

    Leftovers(PendingCleanups pending, ForkerSource forkers, BuildLog log) {
        this.pending = pending;
        this.forkers = forkers;
        this.log = log;
        this.lifecycle = new ChildLifecycle(pending, log);
    }

    /**
     * The periodic pass: first the records of builds that are over (their destruction failed before, or the
     * controller stopped before it), then the tagged children of finished builds on every vCenter.
     *
     * @return how many children were destroyed
     */
    int sweep(List<String> vcenters, String owner, Predicate<String> runIsOver) {
        List<PendingCleanup> due =
                pending.all().stream().filter(r -> runIsOver.test(r.runId())).toList();
        int destroyed = destroyRecorded(due);
        for (String vcenter : vcenters) {
            try (Forker forker = forkers.open(vcenter, log)) {
                destroyed += destroyFinished(
                        forker, vcenter, SweepCriteria.childrenOf(null).ownedBy(owner), runIsOver);
            } catch (IOException | VmforkException e) {
                log.line("Cannot look for leftover children on vCenter " + vcenter + ": " + e.getMessage());
            }
        }
        return destroyed;
    }

    /** Destroys recorded children, one vCenter session each; failures are logged and counted on their records. */
    int destroyRecorded(List<PendingCleanup> records) {
        Map<String, List<PendingCleanup>> byVcenter = records.stream()
                .collect(Collectors.groupingBy(PendingCleanup::vcenter, LinkedHashMap::new, Collectors.toList()));
        int destroyed = 0;
        for (Map.Entry<String, List<PendingCleanup>> entry : byVcenter.entrySet()) {
            destroyed += destroyRecorded(entry.getKey(), entry.getValue());
        }
        return destroyed;
    }

    private int destroyRecorded(String vcenter, List<PendingCleanup> records) {
        int destroyed = 0;
        try (Forker forker = forkers.open(vcenter, log)) {
            for (PendingCleanup record : records) {
                if (lifecycle.destroyOrReport(forker, vcenter, record.childId(), record.childName())) {
                    destroyed++;
                }
            }
        } catch (IOException | VmforkException e) {
            String message = StepErrors.message(e);
            log.line("Cannot reach vCenter " + vcenter + " to destroy " + names(records) + ": " + message
                    + ". vmfork tries again every few minutes");
            records.forEach(r -> pending.failed(r.vcenter(), r.childId(), message));
        }
        return destroyed;
    }

    /**
     * Destroys the tagged children that match the criteria and whose build is over (or untraceable to a build of
     * this Jenkins: then they are left alone).
     */
    int destroyFinished(Forker forker, String vcenter, SweepCriteria criteria, Predicate<String> runIsOver) {
        int destroyed = 0;
        for (Child child : forker.sweep(criteria.listOnly())) {
            String runId = RunIds.of(child.job(), child.build());
            if (runId != null
                    && runIsOver.test(runId)
                    && lifecycle.destroyOrReport(forker, vcenter, child.id(), child.name())) {
                destroyed++;
            }
        }
        return destroyed;
    }

    private static String names(List<PendingCleanup> records) {
        return records.stream()
                .map(r -> r.childName() + " (" + r.childId() + ")")
                .collect(Collectors.joining(", "));
    }
}
