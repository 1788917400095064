package io.jenkins.plugins.vmfork.steps;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import java.util.function.Function;

/**
 * Finding a user name and password credential by id, with a message that names the id and the expected type when it
 * is missing or of another type. The lookup itself is given by the caller (in Jenkins: in the context of the build).
 */
final class CredentialsLookup {

    static final String EXPECTED = "'Username with password'";

    private CredentialsLookup() {}

    /**
     * @param id the credentials id
     * @param purpose what they are for, e.g. "the guest account of the parent"
     * @param find looks up the id as the given type, null when there is none
     */
    static StandardUsernamePasswordCredentials usernamePassword(
            String id, String purpose, Function<Class<? extends IdCredentials>, IdCredentials> find)
            throws AbortException {
        IdCredentials found = find.apply(StandardUsernamePasswordCredentials.class);
        if (found instanceof StandardUsernamePasswordCredentials usable) {
            return usable;
        }
        IdCredentials other = find.apply(IdCredentials.class);
        if (other == null) {
            throw new AbortException("No credentials with id '" + id + "' are available to this build: add " + EXPECTED
                    + " credentials with that id for " + purpose + ", or give the id of existing ones");
        }
        throw new AbortException(
                "Credentials '" + id + "' are " + other.getClass().getSimpleName() + ", but " + purpose + " needs "
                        + EXPECTED + " credentials: give the id of such credentials");
    }
}
