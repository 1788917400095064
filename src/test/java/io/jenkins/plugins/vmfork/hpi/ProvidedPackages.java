package io.jenkins.plugins.vmfork.hpi;

import java.util.Map;

/** Which packages a running Jenkins provides to a plugin, and whether core or which plugin provides them. */
final class ProvidedPackages {

    static final String CORE = "jenkins-core";

    /** Package prefixes and their provider; the longest matching prefix wins. */
    private static final Map<String, String> PROVIDERS = Map.ofEntries(
            Map.entry("hudson.", CORE),
            Map.entry("jenkins.", CORE),
            Map.entry("org.kohsuke.stapler.", CORE),
            Map.entry("net.sf.json.", CORE),
            Map.entry("org.jenkinsci.Symbol", CORE),
            Map.entry("org.springframework.security.", CORE),
            Map.entry("jakarta.servlet.", CORE),
            Map.entry("edu.umd.cs.findbugs.annotations.", CORE),
            Map.entry("com.google.common.", CORE),
            Map.entry("org.slf4j.", CORE),
            Map.entry("org.apache.log4j.", CORE),
            Map.entry("org.jenkinsci.plugins.workflow.steps.", "workflow-step-api"),
            Map.entry("com.cloudbees.plugins.credentials.", "credentials"),
            Map.entry("org.jenkinsci.plugins.structs.", "structs"),
            Map.entry("javax.xml.bind.", "jaxb"));

    private ProvidedPackages() {}

    /** The provider of a class, or null when nothing in Jenkins provides it. */
    static String providerOf(String className) {
        String best = null;
        for (String prefix : PROVIDERS.keySet()) {
            if (className.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : PROVIDERS.get(best);
    }
}
