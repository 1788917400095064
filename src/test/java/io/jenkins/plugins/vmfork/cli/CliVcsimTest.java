package io.jenkins.plugins.vmfork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every command once for real, against the simulator over SOAP, as a user would type it. */
class CliVcsimTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aParentsWholeLifeFromTheCommandLine() throws Exception {
        Vcsim sim = VCSIM.vcsim();
        String parent = sim.createVm("cli-parent");

        assertThat(ok("parent", "status", "cli-parent").out()).contains("enabled   no", "quiesced  no");
        Run enabled = ok("parent", "enable", "cli-parent", "--guest-user", sim.guestUser());
        assertThat(enabled.out()).contains("parent    cli-parent (" + parent + ")", "enabled   yes", "quiesced  yes");
        assertThat(enabled.err()).contains("Quiesced parent cli-parent");

        JsonNode child = JSON.readTree(
                ok("child", "create", "cli-parent", "--wait-ip", "--json", "--param", "guestinfo.branch=main")
                        .out());
        assertThat(child.path("name").asText()).startsWith("vmfork-");
        assertThat(child.path("id").asText()).startsWith("vm-");
        assertThat(child.path("ip").asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(child.path("parent").asText()).isEqualTo("cli-parent");
        assertThat(child.path("owner").asText()).isEqualTo("cli");

        Run named = ok("child", "create", "cli-parent", "--name", "cli-named");
        assertThat(named.out()).contains("name     cli-named", "ip       (not waited for: give --wait-ip)");

        Run listed = ok("child", "list", "cli-parent");
        assertThat(listed.out())
                .startsWith("NAME")
                .contains(
                        child.path("name").asText(),
                        "cli-named",
                        child.path("ip").asText());
        assertThat(ok("parent", "status", "cli-parent").out())
                .contains("children  ")
                .contains("cli-named");

        assertThat(ok("child", "destroy", "cli-named").out()).isEqualTo("Destroyed cli-named\n");
        assertThat(ok("child", "destroy", "cli-named").out()).contains("No VM 'cli-named' exists: nothing to destroy");

        Run dryRun = ok("sweep", "cli-parent", "--older-than", "0s", "--dry-run");
        assertThat(dryRun.out())
                .contains("Would destroy 1 child of cli-parent older than 0s (dry run")
                .contains(child.path("name").asText());
        assertThat(ok("sweep", "cli-parent", "--older-than", "1h").out())
                .contains("No child of cli-parent older than 1h: nothing to destroy");
        JsonNode swept = JSON.readTree(
                ok("sweep", "cli-parent", "--older-than", "PT0S", "--json").out());
        assertThat(swept.path("dryRun").asBoolean()).isFalse();
        assertThat(swept.path("children").findValuesAsText("id"))
                .containsExactly(child.path("id").asText());
        assertThat(ok("child", "list", "cli-parent").out()).isEqualTo("No children of cli-parent.\n");

        assertThat(ok("parent", "disable", "cli-parent").out()).contains("enabled   no");
    }

    @Test
    void enableWithoutGuestAccountSaysTheParentIsNotQuiesced() {
        VCSIM.vcsim().createVm("cli-enable-only");

        Run run = ok("parent", "enable", "cli-enable-only");

        assertThat(run.out()).contains("enabled   yes", "quiesced  no");
        assertThat(run.err()).contains("run this again with --guest-user to quiesce it");
    }

    @Test
    void wrongPasswordIsALoginFailure() {
        Run run = run(Map.of("VMFORK_PASSWORD", "wrong"), "parent", "status", "vmfork-parent");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.LOGIN);
        assertThat(run.err()).startsWith("vmfork: ").contains("InvalidLogin").doesNotContain("\tat ");
    }

    @Test
    void unknownParentIsAUsageError() {
        Run run = run(Map.of(), "parent", "status", "no-such-parent");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'no-such-parent'");
    }

    @Test
    void forkingFromAParentThatIsNotEnabledIsRefused() {
        VCSIM.vcsim().createVm("cli-not-enabled");

        Run run = run(Map.of(), "child", "create", "cli-not-enabled");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("cli-not-enabled");
    }

    @Test
    void aSlowForkTimesOut() {
        Vcsim sim = VCSIM.vcsim();
        sim.createVm("cli-slow");
        ok("parent", "enable", "cli-slow", "--guest-user", sim.guestUser());
        sim.taskDelay(Duration.ofSeconds(4));

        Run run = run(Map.of(), "child", "create", "cli-slow", "--timeout", "1s");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
        sim.taskDelay(Duration.ZERO);
        assertThat(ok("child", "list", "cli-slow").out()).isEqualTo("No children of cli-slow.\n");
    }

    @Test
    void aMissingPrivilegeIsNamed() {
        Vcsim sim = VCSIM.vcsim();
        sim.createVm("cli-denied");
        ok("parent", "enable", "cli-denied", "--guest-user", sim.guestUser());
        sim.failNext("CreateForkChild_Task", "NoPermission", 1);

        Run run = run(Map.of(), "child", "create", "cli-denied");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("lacks the privilege VirtualMachine.Provisioning.Clone");
    }

    @Test
    void aChildThatCouldNotBeDestroyedAfterAFailedForkIsNamed() {
        Vcsim sim = VCSIM.vcsim();
        sim.createVm("cli-leaky");
        ok("parent", "enable", "cli-leaky", "--guest-user", sim.guestUser());
        sim.failNextTask("PowerOnVM_Task", "SystemError", 1);
        // More failures than the fork's cleanup tries; those it does not use are dropped by the reset below.
        sim.failNextTask("Destroy_Task", "SystemError", 10);

        Run run = run(Map.of(), "child", "create", "cli-leaky", "--name", "cli-leaked");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("vmfork: also: Child cli-leaked (vm-").contains("destroy it by hand");
        sim.reset();
        assertThat(ok("child", "destroy", "cli-leaked").out()).isEqualTo("Destroyed cli-leaked\n");
    }

    @Test
    void ctrlCDuringAForkDestroysTheChild() throws Exception {
        Vcsim sim = VCSIM.vcsim();
        sim.createVm("cli-ctrl-c");
        ok("parent", "enable", "cli-ctrl-c", "--guest-user", sim.guestUser());
        sim.taskDelay(Duration.ofSeconds(2));

        Run run = CliProcess.start(
                        env(Map.of()),
                        "-v",
                        "child",
                        "create",
                        "cli-ctrl-c",
                        "--name",
                        "cli-interrupted",
                        "--thumbprint",
                        sim.thumbprint())
                .awaitLine("CreateForkChild_Task answered")
                .ctrlC()
                .finish();

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(run.out())
                .contains("vmfork: Interrupted while")
                .doesNotContainPattern("Interrupted while [A-Z][a-z]");
        sim.taskDelay(Duration.ZERO);
        assertThat(ok("child", "list", "cli-ctrl-c").out()).isEqualTo("No children of cli-ctrl-c.\n");
        assertThat(ok("child", "destroy", "cli-interrupted").out()).contains("nothing to destroy");
    }

    @Test
    void ctrlCAfterTheChildIsPrintedKeepsItAndSucceeds() throws Exception {
        Vcsim sim = VCSIM.vcsim();
        sim.createVm("cli-late-ctrl-c");
        ok("parent", "enable", "cli-late-ctrl-c", "--guest-user", sim.guestUser());
        // Every answer comes late, so the logout after the child is printed is still waited for when Ctrl-C comes.
        sim.responseDelay(Duration.ofMillis(400));

        Run run = CliProcess.start(
                        env(Map.of()),
                        "child",
                        "create",
                        "cli-late-ctrl-c",
                        "--name",
                        "cli-kept",
                        "--thumbprint",
                        sim.thumbprint())
                .awaitLine("created  ")
                .ctrlC()
                .finish();
        sim.responseDelay(Duration.ZERO);

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("name     cli-kept").doesNotContain("Interrupted");
        assertThat(ok("child", "list", "cli-late-ctrl-c").out()).contains("cli-kept");
        assertThat(ok("child", "destroy", "cli-kept").out()).isEqualTo("Destroyed cli-kept\n");
    }

    @Test
    void aVmThatVmforkDidNotForkIsDestroyedOnlyWithForce() {
        VCSIM.vcsim().createVm("cli-untagged");

        Run refused = run(Map.of(), "child", "destroy", "cli-untagged");

        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("carries no vmfork tags").contains("destroy it only with --force");
        assertThat(ok("child", "destroy", "cli-untagged", "--force").out()).isEqualTo("Destroyed cli-untagged\n");
    }

    @Test
    void certificateNotInTheTrustStoreIsAConnectionProblemNamingTheThumbprint() {
        Run run = Run.of(env(Map.of()), "parent", "status", "vmfork-parent");

        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(run.err()).contains(VCSIM.vcsim().thumbprint());
    }

    @Test
    void insecureWorksAndWarns() {
        Run run = Run.of(env(Map.of()), "parent", "status", "vmfork-parent", "--insecure");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("vmfork: warning: ").contains("certificate");
    }

    @Test
    void verboseOutputShowsCallsButNoSecret() {
        Vcsim sim = VCSIM.vcsim();
        sim.createVm("cli-verbose");

        Run run = run(Map.of(), "--verbose", "parent", "enable", "cli-verbose", "--guest-user", sim.guestUser());
        Run failed = run(Map.of("VMFORK_PASSWORD", "wrong-" + sim.password()), "-v", "parent", "status", "x");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("[FINE]").contains("EnableForkParent_Task");
        assertThat(failed.err()).contains("[FINE]").doesNotContain("\tat ");
        for (Run each : List.of(run, failed)) {
            assertThat(each.all()).doesNotContain(sim.password(), sim.guestPassword(), "vmware_soap_session");
        }
    }

    private static Run ok(String... args) {
        Run run = run(Map.of(), args);
        assertThat(run.code()).as(run.toString()).isZero();
        return run;
    }

    /** Runs a command against the simulator with its thumbprint pinned, the way getting-started.md shows it. */
    private static Run run(Map<String, String> extraEnv, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--thumbprint", VCSIM.vcsim().thumbprint()));
        return Run.of(env(extraEnv), all.toArray(String[]::new));
    }

    private static Map<String, String> env(Map<String, String> extra) {
        Vcsim sim = VCSIM.vcsim();
        Map<String, String> env = new HashMap<>(Map.of(
                "VMFORK_URL", sim.url(),
                "VMFORK_USER", sim.user(),
                "VMFORK_PASSWORD", sim.password(),
                "VMFORK_GUEST_PASSWORD", sim.guestPassword()));
        env.putAll(extra);
        return env;
    }
}
