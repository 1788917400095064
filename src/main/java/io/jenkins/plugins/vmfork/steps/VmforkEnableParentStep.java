package io.jenkins.plugins.vmfork.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code vmforkEnableParent parent: 'ci-parent', guestCredentialsId: 'ci-parent-guest'}: makes a running VM ready to
 * be forked (enables and quiesces it) and returns its status. An enabled, quiesced parent is left as it is.
 */
public class VmforkEnableParentStep extends ParentStep {

    static final int DEFAULT_TIMEOUT_SECONDS = 300;

    private String guestCredentialsId;
    private String quiesceCommand;
    private List<String> commandsBefore = new ArrayList<>();
    private int timeout = DEFAULT_TIMEOUT_SECONDS;

    @DataBoundConstructor
    public VmforkEnableParentStep(String parent) {
        super(parent);
    }

    public String getGuestCredentialsId() {
        return guestCredentialsId;
    }

    /** The guest account (user name and password) that runs the quiesce command; without it, only enables. */
    @DataBoundSetter
    public void setGuestCredentialsId(String guestCredentialsId) {
        this.guestCredentialsId = StepChecks.trimToNull(guestCredentialsId);
    }

    public String getQuiesceCommand() {
        return quiesceCommand;
    }

    /** Another quiesce (VMFork) or freeze (Instant Clone) command than VMware Tools' own. */
    @DataBoundSetter
    public void setQuiesceCommand(String quiesceCommand) {
        this.quiesceCommand = StepChecks.trimToNull(quiesceCommand);
    }

    public List<String> getCommandsBefore() {
        return commandsBefore;
    }

    /** Commands run in the guest, one after the other, before it is quiesced; each must exit 0. */
    @DataBoundSetter
    public void setCommandsBefore(List<String> commandsBefore) {
        this.commandsBefore = commandsBefore == null ? new ArrayList<>() : new ArrayList<>(commandsBefore);
    }

    public int getTimeout() {
        return timeout;
    }

    /** Seconds to wait for the guest to accept commands, and again for the parent to be quiesced. */
    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = StepChecks.timeoutSeconds(timeout);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new EnableParentExecution(context, this);
    }

    @Extension
    @Symbol("vmforkEnableParent")
    public static final class DescriptorImpl extends VmforkStepDescriptor {

        @Override
        public String getFunctionName() {
            return "vmforkEnableParent";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Enable and quiesce a parent VM for forking (vmfork)";
        }

        @POST
        public ListBoxModel doFillGuestCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String guestCredentialsId) {
            return StepForms.usernamePasswordChoices(item, guestCredentialsId);
        }

        @POST
        public FormValidation doCheckParent(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.check(item, () -> StepChecks.requireParent(value));
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter int value) {
            return StepForms.check(item, () -> StepChecks.timeoutSeconds(value));
        }

        @POST
        public FormValidation doCheckMode(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.check(item, () -> StepChecks.mode(value));
        }
    }
}
