package io.jenkins.plugins.vmfork.vcsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulator as a process: it never outlives its starter, and refuses flags it cannot honour. */
class VcsimProcessTest {

    private static final Path BINARY =
            Path.of(System.getProperty("basedir", ".")).resolve("target/vcsim/vmfork-vcsim");

    @Test
    void exitsWhenItsStdinClosesSoThatACrashedTestRunLeavesNothingBehind() throws Exception {
        Process process = new ProcessBuilder(BINARY.toString(), "-http")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String line =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).startsWith("{\"url\":\"http://127.0.0.1:");

        process.getOutputStream().close();

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void closeStopsTheSimulator() {
        Vcsim vcsim = Vcsim.start("-http");
        assertThat(vcsim.soapRequests()).isZero();

        vcsim.close();

        assertThatThrownBy(vcsim::soapRequests)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("does not answer");
    }

    @Test
    void refusesToListenBeyondLoopback() throws Exception {
        assertThat(run("-listen", "0.0.0.0:0")).contains("\"0.0.0.0:0\" is not a loopback address");
        assertThat(run("-control-listen", "192.0.2.1:0")).contains("\"192.0.2.1:0\" is not a loopback address");
    }

    @Test
    void refusesFlagValuesItDoesNotKnowNamingThem() throws Exception {
        assertThat(run("-child-result", "maybe")).contains("-child-result \"maybe\": use ref or empty");
        assertThat(run("-api-version", "latest")).contains("API version \"latest\"");
    }

    @Test
    void startingWithoutTheBinarySaysHowToBuildIt() {
        String before = System.getProperty("vmfork.vcsim");
        System.setProperty("vmfork.vcsim", "target/no-such-dir/vmfork-vcsim");
        try {
            assertThatThrownBy(Vcsim::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no-such-dir/vmfork-vcsim is missing")
                    .hasMessageContaining("mvn verify");
        } finally {
            if (before == null) {
                System.clearProperty("vmfork.vcsim");
            } else {
                System.setProperty("vmfork.vcsim", before);
            }
        }
    }

    /** Runs the binary expecting it to refuse its flags, and returns what it said. */
    private static String run(String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        return output;
    }
}
