package io.jenkins.plugins.vmfork.steps;

import hudson.EnvVars;
import io.jenkins.plugins.vmfork.fork.Child;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/** The variables a body or a wrapped build gets: VMFORK_CHILD_NAME, VMFORK_CHILD_ID and VMFORK_CHILD_IP. */
final class ChildEnvironment extends EnvironmentExpander {

    private static final long serialVersionUID = 1L;

    static final String NAME = "VMFORK_CHILD_NAME";
    static final String ID = "VMFORK_CHILD_ID";
    static final String IP = "VMFORK_CHILD_IP";

    private final LinkedHashMap<String, String> variables;

    ChildEnvironment(Child child) {
        this.variables = new LinkedHashMap<>(variables(child));
    }

    /** The variables of a child; the IP only when it was waited for. */
    static Map<String, String> variables(Child child) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(NAME, child.name());
        env.put(ID, child.id());
        if (child.ip() != null) {
            env.put(IP, child.ip());
        }
        return env;
    }

    @Override
    public void expand(EnvVars env) {
        variables.forEach(env::override);
    }
}
