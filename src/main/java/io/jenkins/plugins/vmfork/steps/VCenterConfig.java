package io.jenkins.plugins.vmfork.steps;

import static io.jenkins.plugins.vmfork.steps.VCenterChecks.require;
import static io.jenkins.plugins.vmfork.steps.VCenterChecks.trimToNull;

import hudson.model.Describable;
import io.jenkins.plugins.vmfork.fork.ChildNames;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One vCenter in Manage Jenkins → System: where it is, which credentials log in, how its certificate is checked, and
 * the defaults of the steps that use it. Holds a credentials id, never a password. Its form is handled by
 * {@link VCenterConfigDescriptor}.
 */
public class VCenterConfig implements Describable<VCenterConfig> {

    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = (int) VCenter.DEFAULT_CONNECT_TIMEOUT.toSeconds();
    static final int DEFAULT_READ_TIMEOUT_SECONDS = (int) VCenter.DEFAULT_READ_TIMEOUT.toSeconds();
    static final int DEFAULT_FORK_TIMEOUT_SECONDS = 300;
    static final int DEFAULT_IP_TIMEOUT_SECONDS = 300;
    static final int DEFAULT_MAX_CONCURRENT_FORKS = 4;

    private final String name;
    private final String url;
    private final String credentialsId;
    private Trust.Kind trust = Trust.Kind.JVM;
    private String thumbprint;
    private ForkMode mode = ForkMode.AUTO;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;
    private int forkTimeoutSeconds = DEFAULT_FORK_TIMEOUT_SECONDS;
    private int ipTimeoutSeconds = DEFAULT_IP_TIMEOUT_SECONDS;
    private String childNamePrefix;
    private int maxConcurrentForks = DEFAULT_MAX_CONCURRENT_FORKS;

    @DataBoundConstructor
    public VCenterConfig(String name, String url, String credentialsId) {
        require(VCenterChecks.name(name));
        require(VCenterChecks.url(url));
        require(VCenterChecks.credentialsId(credentialsId));
        this.name = name.trim();
        this.url = url.trim();
        this.credentialsId = credentialsId.trim();
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public Trust.Kind getTrust() {
        return trust;
    }

    /** How the certificate is checked: the JVM trust store (default), a pinned thumbprint, or not at all. */
    @DataBoundSetter
    public void setTrust(Trust.Kind trust) {
        this.trust = Objects.requireNonNullElse(trust, Trust.Kind.JVM);
    }

    public String getThumbprint() {
        return thumbprint;
    }

    /** The SHA-256 thumbprint of the certificate, for the trust {@link Trust.Kind#PINNED}. */
    @DataBoundSetter
    public void setThumbprint(String thumbprint) {
        this.thumbprint = trimToNull(thumbprint);
    }

    public ForkMode getMode() {
        return mode;
    }

    /** The default fork mode of the steps; {@link ForkMode#AUTO} picks it by the vCenter's API version. */
    @DataBoundSetter
    public void setMode(ForkMode mode) {
        this.mode = Objects.requireNonNullElse(mode, ForkMode.AUTO);
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int seconds) {
        require(VCenterChecks.seconds(
                "Connect timeout", String.valueOf(seconds), VCenterChecks.MAX_CONNECTION_TIMEOUT_SECONDS));
        this.connectTimeoutSeconds = seconds;
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(int seconds) {
        require(VCenterChecks.seconds(
                "Read timeout", String.valueOf(seconds), VCenterChecks.MAX_CONNECTION_TIMEOUT_SECONDS));
        this.readTimeoutSeconds = seconds;
    }

    public int getForkTimeoutSeconds() {
        return forkTimeoutSeconds;
    }

    /** The default deadline of forking and powering on a child. */
    @DataBoundSetter
    public void setForkTimeoutSeconds(int seconds) {
        require(VCenterChecks.seconds("Fork timeout", String.valueOf(seconds), VCenterChecks.MAX_FORK_TIMEOUT_SECONDS));
        this.forkTimeoutSeconds = seconds;
    }

    public int getIpTimeoutSeconds() {
        return ipTimeoutSeconds;
    }

    /** The default deadline of a child's new IP address. */
    @DataBoundSetter
    public void setIpTimeoutSeconds(int seconds) {
        require(VCenterChecks.seconds("IP timeout", String.valueOf(seconds), VCenterChecks.MAX_FORK_TIMEOUT_SECONDS));
        this.ipTimeoutSeconds = seconds;
    }

    public String getChildNamePrefix() {
        return childNamePrefix;
    }

    /** The start of generated child names; null (the default) names children after the job and build. */
    @DataBoundSetter
    public void setChildNamePrefix(String prefix) {
        this.childNamePrefix = prefix == null || prefix.isBlank() ? null : ChildNames.prefix(prefix);
    }

    public int getMaxConcurrentForks() {
        return maxConcurrentForks;
    }

    /** How many children of one parent this Jenkins forks at the same time; more wait their turn. */
    @DataBoundSetter
    public void setMaxConcurrentForks(int count) {
        require(VCenterChecks.maxConcurrentForks(String.valueOf(count)));
        this.maxConcurrentForks = count;
    }

    /**
     * A vCenter as an unsaved form describes it, for "Test connection": the fields as the form sends them, empty
     * timeouts meaning the defaults. Throws {@link IllegalArgumentException} naming the first bad field.
     */
    static VCenterConfig draft(
            String url, String credentialsId, String trust, String thumbprint, String connect, String read) {
        VCenterConfig draft = new VCenterConfig("draft", url, credentialsId);
        draft.setTrust(VCenterChecks.constant(Trust.Kind.class, trust, Trust.Kind.JVM));
        draft.setThumbprint(thumbprint);
        draft.setConnectTimeoutSeconds(seconds("Connect timeout", connect, DEFAULT_CONNECT_TIMEOUT_SECONDS));
        draft.setReadTimeoutSeconds(seconds("Read timeout", read, DEFAULT_READ_TIMEOUT_SECONDS));
        List<String> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        return draft;
    }

    private static int seconds(String what, String value, int fallback) {
        require(VCenterChecks.seconds(what, value, VCenterChecks.MAX_CONNECTION_TIMEOUT_SECONDS));
        return VCenterChecks.isBlank(value) ? fallback : Integer.parseInt(value.trim());
    }

    /** The errors of the whole entry, such as pinned trust without a thumbprint; empty when it is usable. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (FieldCheck check : List.of(
                VCenterChecks.name(name),
                VCenterChecks.url(url, trust),
                VCenterChecks.credentialsId(credentialsId),
                VCenterChecks.trust(trust, thumbprint))) {
            if (check.isError()) {
                problems.add(check.message());
            }
        }
        return problems;
    }

    /** The certificate check for the fork API. */
    public Trust toTrust() {
        return trust == Trust.Kind.PINNED ? Trust.pinned(thumbprint) : new Trust(trust, null);
    }

    /** This vCenter for the fork API, logging in with the given account. */
    public VCenter toVCenter(String user, String password) {
        return new VCenter(
                url,
                user,
                password,
                toTrust(),
                Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(readTimeoutSeconds));
    }

    public Duration forkTimeout() {
        return Duration.ofSeconds(forkTimeoutSeconds);
    }

    public Duration ipTimeout() {
        return Duration.ofSeconds(ipTimeoutSeconds);
    }

    @Override
    public String toString() {
        return "VCenterConfig[" + name + ", " + url + ", credentials " + credentialsId + ", trust " + trust + "]";
    }
}
