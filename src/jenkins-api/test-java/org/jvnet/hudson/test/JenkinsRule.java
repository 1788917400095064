package org.jvnet.hudson.test;

import hudson.model.Run;
import hudson.model.TopLevelItem;
import java.io.IOException;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;

/** Stand-in of jenkins-test-harness' running Jenkins for a test: only what vmfork's Pipeline test uses. */
public class JenkinsRule {

    public Jenkins jenkins;

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public <R extends Run> R assertBuildStatusSuccess(Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
