package io.jenkins.plugins.vmfork.fork;

import static io.jenkins.plugins.vmfork.fork.ConnectTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No password, guest password or session cookie reaches vmfork's or yavijava's logs (at any level), the listener or
 * an exception. The JDK's own HTTP client logs request headers, the session cookie with them, when its logger
 * {@code sun.net.www.protocol.http.HttpURLConnection} is set to FINEST; that logger is not vmfork's to silence.
 */
class SecretsTest {

    private static final String PASSWORD = "vc-S3cret&<x>";
    private static final String GUEST_PASSWORD = "guest-S3cret\"'";
    private static final List<String> LOGGERS = List.of("io.jenkins.plugins.vmfork", "com.vmware", "org.doublecloud");

    /** Held here: JUL keeps loggers weakly, and a collected logger forgets its level. */
    private final List<Logger> loggers = LOGGERS.stream().map(Logger::getLogger).toList();

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String name = String.valueOf(record.getLoggerName());
            if (LOGGERS.stream().noneMatch(name::startsWith)) {
                return;
            }
            logged.add(record.getLoggerName() + " " + record.getMessage() + " " + stackTrace(record.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureEverything() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        loggers.forEach(logger -> logger.setLevel(Level.ALL));
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        loggers.forEach(logger -> logger.setLevel(null));
    }

    @Test
    void secretsAppearNowhere() {
        Recorder heard = new Recorder();
        List<String> failures = new CopyOnWriteArrayList<>();
        try (Vcsim vcsim = Vcsim.start("-password", PASSWORD, "-guest-password", GUEST_PASSWORD)) {
            VCenter wrong = new VCenter(
                    vcsim.url(),
                    vcsim.user(),
                    PASSWORD + "x",
                    Sims.vcenter(vcsim).trust(),
                    null,
                    null);
            failures.add(stackTrace(failure(() -> Forker.open(wrong, ForkMode.AUTO, heard))));
            try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, heard)) {
                GuestCredentials badGuest = new GuestCredentials(vcsim.guestUser(), GUEST_PASSWORD + "x");
                failures.add(
                        stackTrace(failure(() -> forker.enableParent(vcsim.parentName(), badGuest, Sims.quick()))));
                forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
                Child child = forker.fork(Sims.child(vcsim)
                        .postForkCommand("/bin/true", Sims.guest(vcsim))
                        .build());
                vcsim.expireSessions();
                forker.destroy(child.id(), false);
            }
        }

        assertThat(logged).as("FINE detail is logged").anyMatch(line -> line.contains("answered in"));
        assertThat(failures).hasSize(2).allMatch(trace -> trace.contains("VmforkException"));
        for (String text : List.of(
                String.join("\n", logged),
                String.join("\n", heard.lines()),
                String.join("\n", heard.warnings()),
                String.join("\n", failures))) {
            assertThat(text).doesNotContain(PASSWORD, GUEST_PASSWORD, "vmware_soap_session");
        }
    }

    private static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
