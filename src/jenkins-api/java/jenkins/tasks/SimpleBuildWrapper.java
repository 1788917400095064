package jenkins.tasks;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Stand-in of a build wrapper that works in freestyle builds and, through {@code wrap} or its symbol, in Pipeline.
 * Only the form that needs no workspace. Least behaviour: {@link Context} keeps the variables and the disposer given
 * to it, as the real one does, so that tests can read what a wrapper set up.
 */
public abstract class SimpleBuildWrapper extends BuildWrapper {

    public boolean requiresWorkspace() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    /** What a wrapper hands to the build: variables, and what to run at the end. */
    public static final class Context {

        private final Map<String, String> env = new HashMap<>();

        private Disposer disposer;

        @Deprecated
        public Context() {}

        public void env(String key, String value) {
            if (env.containsKey(key)) {
                throw new IllegalStateException("just one binding for " + key);
            }
            env.put(key, value);
        }

        public @NonNull Map<String, String> getEnv() {
            return env;
        }

        public @CheckForNull Disposer getDisposer() {
            return disposer;
        }

        public void setDisposer(@NonNull Disposer disposer) {
            if (this.disposer != null) {
                throw new IllegalStateException("just one disposer");
            }
            this.disposer = disposer;
        }
    }

    /** What runs when the wrapped build or block ends; saved with a Pipeline's state. */
    public abstract static class Disposer implements Serializable {

        private static final long serialVersionUID = 1L;

        public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
