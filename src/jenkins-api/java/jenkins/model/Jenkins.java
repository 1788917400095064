package jenkins.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;
import jakarta.servlet.ServletContext;
import java.io.File;

/**
 * Stand-in of the Jenkins controller. Least behaviour: as in the real one, constructing it makes it the instance
 * that {@link #get()} returns, and {@link #cleanUp()} forgets it; this lets a test double of a controller decide
 * permission checks. (The real constructor also throws checked exceptions, which the stand-in does not declare.)
 */
public class Jenkins implements AccessControlled {

    private static Jenkins theInstance;

    @SuppressWarnings("deprecation")
    public static final Permission ADMINISTER = new Permission(null, "Administer", null);

    @SuppressWarnings("this-escape")
    protected Jenkins(File root, ServletContext context) {
        theInstance = this;
    }

    public static Jenkins get() throws IllegalStateException {
        Jenkins instance = theInstance;
        if (instance == null) {
            throw new IllegalStateException("Jenkins has not been started, or was already shut down");
        }
        return instance;
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getLegacyInstanceId() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void cleanUp() {
        theInstance = null;
    }
}
