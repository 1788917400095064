package io.jenkins.plugins.vmfork.steps;

import io.jenkins.plugins.vmfork.fork.About;
import io.jenkins.plugins.vmfork.fork.ForkListener;
import io.jenkins.plugins.vmfork.fork.ForkMode;
import io.jenkins.plugins.vmfork.fork.Forker;
import io.jenkins.plugins.vmfork.fork.VCenter;
import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.util.ArrayList;
import java.util.List;

/**
 * "Test connection": logs in to a vCenter through the fork API, reads what it is and which fork mode applies, and
 * logs out. No Jenkins types; the form that calls it has already checked the caller's permission.
 */
final class ConnectionTest {

    private ConnectionTest() {}

    static FieldCheck run(VCenter vcenter, ForkMode mode) {
        List<String> warnings = new ArrayList<>();
        ForkListener collect = new ForkListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        try (Forker forker = Forker.open(vcenter, mode, collect)) {
            About about = forker.about();
            String text = "Connected to " + about.fullName() + " (API " + about.apiVersion() + "); children are"
                    + " forked with " + describe(about.mode());
            return warnings.isEmpty()
                    ? FieldCheck.ok(text)
                    : FieldCheck.warning(text + ". " + String.join(" ", warnings));
        } catch (VmforkException e) {
            return FieldCheck.error(e.getMessage());
        }
    }

    static String describe(ForkMode mode) {
        return switch (mode) {
            case AUTO -> "the mode that the vCenter's API version calls for";
            case VMFORK -> "VMFork (vSphere 6.0 to 6.7)";
            case INSTANT_CLONE -> "Instant Clone (vSphere 6.7 and later)";
        };
    }
}
