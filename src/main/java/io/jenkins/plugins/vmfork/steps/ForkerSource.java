package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.ForkListener;
import io.jenkins.plugins.vmfork.fork.Forker;
import java.io.IOException;

/** Opens the fork API for a configured vCenter by its name, logging in with that vCenter's credentials. */
@FunctionalInterface
interface ForkerSource {

    /**
     * @throws IOException an {@code AbortException} when the vCenter is not configured or its credentials are missing
     */
    Forker open(String vcenterName, ForkListener listener) throws IOException;
}
