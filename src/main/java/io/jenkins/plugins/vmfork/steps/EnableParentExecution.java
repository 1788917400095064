package io.jenkins.plugins.vmfork.steps;

import hudson.model.Run;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import io.jenkins.plugins.vmfork.fork.ParentStatus;
import io.jenkins.plugins.vmfork.fork.QuiesceOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs {@code vmforkEnableParent} in the background. Holds the parent, vCenter and credentials names only; after a
 * restart it simply runs again, as enabling a parent is idempotent.
 */
final class EnableParentExecution extends VmforkExecution {

    private static final long serialVersionUID = 1L;

    private final String parent;
    private final String vcenter;
    private final String guestCredentialsId;
    private final String quiesceCommand;
    private final ArrayList<String> commandsBefore;
    private final int timeoutSeconds;
    private final ForkMode mode;

    EnableParentExecution(StepContext context, VmforkEnableParentStep step) {
        super(context);
        this.parent = step.getParent();
        this.vcenter = step.getVcenter();
        this.guestCredentialsId = step.getGuestCredentialsId();
        this.quiesceCommand = step.getQuiesceCommand();
        this.commandsBefore = new ArrayList<>(step.getCommandsBefore());
        this.timeoutSeconds = step.getTimeout();
        this.mode = StepChecks.mode(step.getMode());
    }

    @Override
    public boolean start() {
        background(this::enable);
        return false;
    }

    @Override
    public void onResume() {
        background(this::enable);
    }

    private void enable() throws Exception {
        VmforkServices services = VmforkServices.get();
        Run<?, ?> run = run();
        BuildLog log = log();
        VCenterConfig config = services.vcenter(vcenter);
        GuestCredentials guest = guestCredentialsId == null ? null : services.guest(guestCredentialsId, run);
        try (Forker forker = services.open(config, mode, run, log)) {
            ParentStatus status = forker.enableParent(parent, guest, options());
            if (guest == null && !status.quiesced() && forker.about().mode() == ForkMode.VMFORK) {
                log.line("Parent " + status.name() + " is enabled but not quiesced: give guestCredentialsId to"
                        + " quiesce it, or quiesce it yourself before forking");
            }
            succeed(statusMap(status, config.getName()));
        }
    }

    private QuiesceOptions options() {
        Duration each = Duration.ofSeconds(timeoutSeconds);
        return new QuiesceOptions(quiesceCommand, commandsBefore, each, each);
    }

    /** What the step returns: name, id, enabled, quiesced, children (names), vcenter. */
    static Map<String, Serializable> statusMap(ParentStatus status, String vcenterName) {
        Map<String, Serializable> map = new LinkedHashMap<>();
        map.put("name", status.name());
        map.put("id", status.id());
        map.put("enabled", status.enabled());
        map.put("quiesced", status.quiesced());
        map.put("children", new ArrayList<>(status.children()));
        map.put("vcenter", vcenterName);
        return map;
    }
}
