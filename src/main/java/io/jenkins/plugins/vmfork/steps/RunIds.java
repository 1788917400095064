package io.jenkins.plugins.vmfork.steps;

/**
 * A build's identity as vmfork keeps it: the externalizable id {@code folder/job#12}, which Jenkins reads back with
 * {@code Run.fromExternalizableId}. Children carry its two halves as their job and build tags.
 */
final class RunIds {

    private RunIds() {}

    /** The job's full name: everything before the last {@code #}. */
    static String job(String runId) {
        return runId.substring(0, hash(runId));
    }

    /** The build number: everything after the last {@code #}. */
    static String build(String runId) {
        return runId.substring(hash(runId) + 1);
    }

    /** The id of the build that a child's job and build tags name, or null when a tag is missing. */
    static String of(String job, String build) {
        return job == null || build == null || job.isEmpty() || build.isEmpty() ? null : job + "#" + build;
    }

    private static int hash(String runId) {
        int hash = runId.lastIndexOf('#');
        if (hash <= 0) {
            throw new IllegalArgumentException("Not a build id (job#number): " + runId);
        }
        return hash;
    }
}
