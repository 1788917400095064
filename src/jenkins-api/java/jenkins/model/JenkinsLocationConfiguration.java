package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in of the configured address of this Jenkins (Manage Jenkins → System → Jenkins URL). */
public class JenkinsLocationConfiguration extends GlobalConfiguration {

    private JenkinsLocationConfiguration() {}

    public static @NonNull JenkinsLocationConfiguration get() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @CheckForNull String getUrl() {
        throw new UnsupportedOperationException("stand-in");
    }
}
