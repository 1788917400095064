package io.jenkins.plugins.vmfork.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.util.function.Supplier;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form of a {@link VCenterConfig}: field checks, drop-down lists and "Test connection". vCenters are only
 * configured globally, so every endpoint needs Overall/Administer; checks say nothing to others, and the connection
 * test refuses them before it looks up any credentials.
 */
@Extension
@Symbol("vcenter")
public class VCenterConfigDescriptor extends Descriptor<VCenterConfig> {

    public VCenterConfigDescriptor() {
        super(VCenterConfig.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "vCenter";
    }

    @POST
    public FormValidation doCheckName(@QueryParameter String value) {
        return check(() -> VCenterChecks.name(value));
    }

    @POST
    public FormValidation doCheckUrl(@QueryParameter String value, @QueryParameter String trust) {
        return check(() -> VCenterChecks.url(value, trust));
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String url) {
        return check(() -> {
            FieldCheck given = VCenterChecks.credentialsId(value);
            if (given.isError() || FormAccess.globalUsernamePassword(value, url) != null) {
                return given;
            }
            return FieldCheck.error("There are no user name and password credentials with id '" + value
                    + "' in Jenkins' global credentials: add them, or choose others");
        });
    }

    @POST
    public FormValidation doCheckThumbprint(@QueryParameter String value, @QueryParameter String trust) {
        return check(() -> VCenterChecks.trust(trust, value));
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        return check(
                () -> VCenterChecks.seconds("Connect timeout", value, VCenterChecks.MAX_CONNECTION_TIMEOUT_SECONDS));
    }

    @POST
    public FormValidation doCheckReadTimeoutSeconds(@QueryParameter String value) {
        return check(() -> VCenterChecks.seconds("Read timeout", value, VCenterChecks.MAX_CONNECTION_TIMEOUT_SECONDS));
    }

    @POST
    public FormValidation doCheckForkTimeoutSeconds(@QueryParameter String value) {
        return check(() -> VCenterChecks.seconds("Fork timeout", value, VCenterChecks.MAX_FORK_TIMEOUT_SECONDS));
    }

    @POST
    public FormValidation doCheckIpTimeoutSeconds(@QueryParameter String value) {
        return check(() -> VCenterChecks.seconds("IP timeout", value, VCenterChecks.MAX_FORK_TIMEOUT_SECONDS));
    }

    @POST
    public FormValidation doCheckChildNamePrefix(@QueryParameter String value) {
        return check(() -> VCenterChecks.childNamePrefix(value));
    }

    @POST
    public FormValidation doCheckMaxConcurrentForks(@QueryParameter String value) {
        return check(() -> VCenterChecks.maxConcurrentForks(value));
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String url, @QueryParameter String credentialsId) {
        return FormAccess.usernamePasswordChoices(null, url, credentialsId);
    }

    @POST
    public ListBoxModel doFillTrustItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("JVM trust store (certificate signed by a trusted authority)", Trust.Kind.JVM.name());
        items.add("Pinned SHA-256 thumbprint", Trust.Kind.PINNED.name());
        items.add("Any certificate (not checked; test setups only)", Trust.Kind.ANY.name());
        return items;
    }

    @POST
    public ListBoxModel doFillModeItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Automatic: by the vCenter's API version", ForkMode.AUTO.name());
        items.add("VMFork (vSphere 6.0 to 6.7)", ForkMode.VMFORK.name());
        items.add("Instant Clone (vSphere 6.7 and later)", ForkMode.INSTANT_CLONE.name());
        return items;
    }

    /**
     * Logs in to the vCenter as the form describes it now (saved or not) and reports what it found. Only for
     * administrators, who may use every global credential; nobody else gets as far as the credentials lookup.
     */
    @POST
    public FormValidation doTestConnection(
            @QueryParameter String url,
            @QueryParameter String credentialsId,
            @QueryParameter String trust,
            @QueryParameter String thumbprint,
            @QueryParameter String mode,
            @QueryParameter String connectTimeoutSeconds,
            @QueryParameter String readTimeoutSeconds) {
        FormAccess.checkConfigure(null);

        VCenterConfig vcenter;
        ForkMode forkMode;
        try {
            vcenter = VCenterConfig.draft(
                    url, credentialsId, trust, thumbprint, connectTimeoutSeconds, readTimeoutSeconds);
            forkMode = VCenterChecks.constant(ForkMode.class, mode, ForkMode.AUTO);
        } catch (IllegalArgumentException | VmforkException e) {
            return FormValidation.error(e.getMessage());
        }

        StandardUsernamePasswordCredentials credentials = FormAccess.globalUsernamePassword(credentialsId, url);
        if (credentials == null) {
            return FormValidation.error("There are no user name and password credentials with id '" + credentialsId
                    + "' in Jenkins' global credentials: add them, or choose others");
        }
        String password = credentials.getPassword().getPlainText();
        return FormAccess.toForm(ConnectionTest.run(vcenter.toVCenter(credentials.getUsername(), password), forkMode));
    }

    private static FormValidation check(Supplier<FieldCheck> check) {
        if (!FormAccess.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return FormAccess.toForm(check.get());
    }
}
