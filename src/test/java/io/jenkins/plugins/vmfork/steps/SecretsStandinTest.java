package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.steps.StandinStepContext.Pipeline;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every step, the wrapper and the cleanups with passwords full of XML's special characters, including failed
 * logins with a wrong password, and looks for each secret (and the session cookie's name) in everything they leave:
 * build logs, failures with their stack traces, the saved state of executions, callbacks and disposers, and the file
 * of pending cleanups. It must find none.
 */
class SecretsStandinTest extends StandinFixture {

    private static final String VCENTER_PASSWORD = "Vc&<pa\"ss>'w0rd";
    private static final String GUEST_PASSWORD = "Gu&<es\"t>'pw";
    private static final String WRONG_PASSWORD = "Wr&<on\"g>'pw";
    private static final String SESSION_COOKIE = "vmware_soap_session";

    @RegisterExtension
    static final VcsimExtension VCSIM =
            new VcsimExtension("-password", VCENTER_PASSWORD, "-guest-password", GUEST_PASSWORD);

    private final List<String> texts = new ArrayList<>();
    private final List<byte[]> saved = new ArrayList<>();

    @Test
    void noSecretInLogsFailuresOrSavedState() throws Exception {
        enableParent(VCSIM.vcsim().parentName(), StandinServices.GUEST_ID, false);
        blockWithBody();
        plainChildUntilTheBuildEnds();
        wrapper();
        services.credentials.put(
                "wrong-guest",
                new StandinServices.UsernamePassword(
                        "wrong-guest", VCSIM.vcsim().guestUser(), WRONG_PASSWORD));
        VCSIM.vcsim().createVm("not-quiesced-yet");
        enableParent("not-quiesced-yet", "wrong-guest", true);
        services.credentials.put(
                StandinServices.LOGIN_ID,
                new StandinServices.UsernamePassword(
                        StandinServices.LOGIN_ID, VCSIM.vcsim().user(), WRONG_PASSWORD));
        enableParent(VCSIM.vcsim().parentName(), StandinServices.GUEST_ID, true);
        texts.add(Files.readString(dir.resolve("pending-cleanups.txt")));

        assertThat(texts).hasSizeGreaterThan(8);
        for (String secret : List.of(VCENTER_PASSWORD, GUEST_PASSWORD, WRONG_PASSWORD, SESSION_COOKIE)) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
            byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
            assertThat(saved).noneMatch(bytes -> contains(bytes, needle));
        }
        assertThat(String.join("\n", texts))
                .contains("Forked ")
                .contains("Destroyed ")
                .contains("Quiesced parent");
    }

    private void enableParent(String parent, String guestCredentialsId, boolean fails) throws Exception {
        Pipeline pipeline = new Pipeline(services.newRun("secrets", 1), false);
        VmforkEnableParentStep step = new VmforkEnableParentStep(parent);
        step.setGuestCredentialsId(guestCredentialsId);
        StepExecution execution = step.start(new StandinStepContext(pipeline));
        execution.start();
        if (fails) {
            texts.add(describe(pipeline.awaitFailure()));
        } else {
            pipeline.awaitOutcome();
        }
        saved.add(serialized(execution));
        texts.add(pipeline.log.text());
    }

    private void blockWithBody() throws Exception {
        Pipeline pipeline = new Pipeline(services.newRun("secrets", 2), true);
        StandinStepContext context = new StandinStepContext(pipeline);
        StepExecution execution = new VmforkChildStep(VCSIM.vcsim().parentName()).start(context);
        execution.start();
        BodyExecutionCallback bodyEnd = pipeline.awaitBody();
        saved.add(serialized(List.of(execution, bodyEnd)));
        bodyEnd.onFailure(context, new IllegalStateException("the body failed"));
        texts.add(describe(pipeline.awaitFailure()));
        saved.add(serialized(execution));
        texts.add(pipeline.log.text());
    }

    private void plainChildUntilTheBuildEnds() throws Exception {
        StandinRun build = services.newRun("secrets", 3);
        Pipeline pipeline = new Pipeline(build, false);
        StepExecution execution =
                new VmforkChildStep(VCSIM.vcsim().parentName()).start(new StandinStepContext(pipeline));
        execution.start();
        texts.add(String.valueOf(pipeline.awaitOutcome()));
        texts.add(Files.readString(dir.resolve("pending-cleanups.txt")));
        saved.add(serialized(execution));
        build.finish();
        CapturedLog end = new CapturedLog();
        new BuildEndCleanup().onCompleted(build, end);
        texts.add(pipeline.log.text());
        texts.add(end.text());
    }

    @SuppressWarnings("deprecation")
    private void wrapper() throws Exception {
        StandinRun build = services.newRun("secrets", 4);
        CapturedLog log = new CapturedLog();
        SimpleBuildWrapper.Context context = new SimpleBuildWrapper.Context();
        new VmforkBuildWrapper(VCSIM.vcsim().parentName()).setUp(context, build, log, new hudson.EnvVars());
        saved.add(serialized(context.getDisposer()));
        texts.add(context.getEnv().toString());
        context.getDisposer().tearDown(build, log);
        texts.add(log.text());
    }

    private static String describe(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return failure + "\n" + trace;
    }

    private static byte[] serialized(Object state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        return bytes.toByteArray();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
