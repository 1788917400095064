package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;

/**
 * Stand-in of one build of a job. Least behaviour: the constructor does nothing (the real one reads the job and sets
 * up the build directory), so that tests can make a test double of a build that overrides the getters it needs.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {

    protected Run(@NonNull JobT job) throws IOException {}

    public boolean isBuilding() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @CheckForNull static Run<?, ?> fromExternalizableId(String id)
            throws IllegalArgumentException, AccessDeniedException {
        throw new UnsupportedOperationException("stand-in");
    }
}
