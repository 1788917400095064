package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.steps.FieldCheck.Level;
import org.junit.jupiter.api.Test;

/** What the configuration form says about each field, and what Configuration as Code is refused with. */
class VCenterChecksTest {

    private static final String THUMBPRINT = "AB:".repeat(31) + "AB";

    @Test
    void aNameIsRequiredAndUsableInAPipeline() {
        assertThat(VCenterChecks.name(" ")).satisfies(c -> assertError(c, "Give the vCenter a name"));
        assertThat(VCenterChecks.name("lab/1")).satisfies(c -> assertError(c, "'lab/1'"));
        assertThat(VCenterChecks.name("x".repeat(65))).satisfies(c -> assertError(c, "1 to 64"));
        assertThat(VCenterChecks.name("lab-2.eu_west").level()).isEqualTo(Level.OK);
    }

    @Test
    void anAddressIsCompletedAsTheStepsWillUseIt() {
        assertThat(VCenterChecks.url("")).satisfies(c -> assertError(c, "address"));
        assertThat(VCenterChecks.url("ftp://vc.example.com")).satisfies(c -> assertError(c, "'ftp://vc.example.com'"));

        FieldCheck bare = VCenterChecks.url("vc.example.com");
        assertThat(bare.level()).isEqualTo(Level.OK);
        assertThat(bare.message()).isEqualTo("Connects to https://vc.example.com/sdk");
        assertThat(VCenterChecks.url("https://vc.example.com/sdk").message()).isNull();
    }

    @Test
    void plainHttpWarnsThatThePasswordIsSentInClear() {
        FieldCheck check = VCenterChecks.url("http://vc.example.com");

        assertThat(check.level()).isEqualTo(Level.WARNING);
        assertThat(check.message()).contains("unencrypted");
    }

    @Test
    void plainHttpNeedsTheTrustAnyCertificate() {
        assertThat(VCenterChecks.url("http://vc.example.com", Trust.Kind.JVM))
                .satisfies(c -> assertError(c, "choose the trust 'Any certificate'"));
        assertThat(VCenterChecks.url("http://vc.example.com", Trust.Kind.PINNED))
                .satisfies(c -> assertError(c, "a pinned thumbprint cannot be checked"));
        assertThat(VCenterChecks.url("HTTP://vc.example.com", "").level()).isEqualTo(Level.ERROR);
        assertThat(VCenterChecks.url("http://vc.example.com", "ANY").level()).isEqualTo(Level.WARNING);
        assertThat(VCenterChecks.url("https://vc.example.com/sdk", Trust.Kind.JVM)
                        .level())
                .isEqualTo(Level.OK);
    }

    @Test
    void pinnedTrustNeedsAValidThumbprint() {
        assertThat(VCenterChecks.trust(Trust.Kind.PINNED, null)).satisfies(c -> assertError(c, "SHA-256 thumbprint"));
        assertThat(VCenterChecks.trust(Trust.Kind.PINNED, "12:34")).satisfies(c -> assertError(c, "'12:34'"));
        assertThat(VCenterChecks.trust(Trust.Kind.PINNED, THUMBPRINT).level()).isEqualTo(Level.OK);
        assertThat(VCenterChecks.trust(
                                Trust.Kind.PINNED, THUMBPRINT.toLowerCase().replace(":", ""))
                        .level())
                .isEqualTo(Level.OK);
    }

    @Test
    void aThumbprintWithoutPinningAndTrustingAnyCertificateAreWarnedAbout() {
        assertThat(VCenterChecks.trust(Trust.Kind.JVM, THUMBPRINT).level()).isEqualTo(Level.WARNING);
        assertThat(VCenterChecks.trust(Trust.Kind.ANY, null).message()).contains("pose as this vCenter");
        assertThat(VCenterChecks.trust(Trust.Kind.JVM, null).level()).isEqualTo(Level.OK);
    }

    @Test
    void aTrustFromTheFormIsReadByName() {
        assertThat(VCenterChecks.trust("pinned", THUMBPRINT).level()).isEqualTo(Level.OK);
        assertThat(VCenterChecks.trust("", null).level()).isEqualTo(Level.OK);
        assertThat(VCenterChecks.trust("SOMETIMES", null)).satisfies(c -> assertError(c, "'SOMETIMES'"));
    }

    @Test
    void timeoutsAreWholeSecondsInRange() {
        assertThat(VCenterChecks.seconds("Read timeout", "", 3600).level()).isEqualTo(Level.OK);
        assertThat(VCenterChecks.seconds("Read timeout", "90", 3600).level()).isEqualTo(Level.OK);
        assertThat(VCenterChecks.seconds("Read timeout", "1.5", 3600))
                .satisfies(c -> assertError(c, "Read timeout '1.5' is not a whole number"));
        assertThat(VCenterChecks.seconds("Read timeout", "0", 3600)).satisfies(c -> assertError(c, "1 to 3600"));
        assertThat(VCenterChecks.seconds("Read timeout", "3601", 3600)).satisfies(c -> assertError(c, "out of range"));
    }

    @Test
    void theChildNamePrefixShowsTheNamesItGives() {
        assertThat(VCenterChecks.childNamePrefix("").message()).contains("job and build number");
        assertThat(VCenterChecks.childNamePrefix("ci").message()).contains("ci-");

        FieldCheck cleaned = VCenterChecks.childNamePrefix("my job/");
        assertThat(cleaned.level()).isEqualTo(Level.WARNING);
        assertThat(cleaned.message()).contains("'my-job'");
    }

    @Test
    void concurrentForksAreBounded() {
        assertThat(VCenterChecks.maxConcurrentForks("4").level()).isEqualTo(Level.OK);
        assertThat(VCenterChecks.maxConcurrentForks("0")).satisfies(c -> assertError(c, "1 to 100"));
    }

    private static void assertError(FieldCheck check, String text) {
        assertThat(check.level()).isEqualTo(Level.ERROR);
        assertThat(check.message()).contains(text);
    }
}
