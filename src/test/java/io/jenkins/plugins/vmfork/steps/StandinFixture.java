package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test on the stand-in services: each test gets fresh services on its class's simulator, with the pending cleanups
 * in a folder of its own, installed until it ends. A subclass's own set-up runs after they are installed and its own
 * tear-down before they are closed. Not compiled under the jenkins-repo profile.
 */
abstract class StandinFixture {

    @TempDir
    Path dir;

    StandinServices services;

    /** The simulator comes from the test class's own {@code VcsimExtension} (some classes start it with flags). */
    @BeforeEach
    final void installServices(Vcsim vcsim) {
        services = new StandinServices(vcsim, dir);
    }

    @AfterEach
    final void closeServices() throws Exception {
        services.close();
    }
}
