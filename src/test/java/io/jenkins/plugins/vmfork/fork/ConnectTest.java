package io.jenkins.plugins.vmfork.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.vmfork.fork.VmforkException.Kind;
import io.jenkins.plugins.vmfork.testing.Vcsim;
import io.jenkins.plugins.vmfork.testing.VcsimExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting: TLS trust, login, API version and mode, shared sessions, re-login, timeouts. */
class ConnectTest {

    @RegisterExtension
    static final VcsimExtension VCSIM = new VcsimExtension();

    private final Vcsim vcsim = VCSIM.vcsim();

    @Test
    void theJvmTrustStoreRefusesASelfSignedCertificateBeforeThePasswordIsSent() {
        VCenter vcenter = Sims.vcenter(vcsim).withTrust(Trust.jvm());

        VmforkException e = failure(() -> Forker.open(vcenter, ForkMode.AUTO, null));

        assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
        assertThat(e.getMessage())
                .contains(vcsim.thumbprint())
                .contains("trust store")
                .doesNotContain("\n");
        assertThat(vcsim.soapRequestsByMethod()).doesNotContainKey("Login");
    }

    @Test
    void aWrongPinnedThumbprintFailsBeforeLoginAndShowsThePresentedOne() {
        VCenter vcenter = Sims.vcenter(vcsim).withTrust(Trust.pinned("00".repeat(32)));

        VmforkException e = failure(() -> Forker.open(vcenter, ForkMode.AUTO, null));

        assertThat(e.kind()).isEqualTo(Kind.CONNECTION);
        assertThat(e.getMessage()).contains("thumbprint " + vcsim.thumbprint()).contains("pinned");
        assertThat(vcsim.soapRequests()).isZero();
        assertThat(vcsim.logins()).isZero();
    }

    @Test
    void trustingAnyCertificateWorksAndWarns() {
        Recorder heard = new Recorder();

        try (Forker forker = Forker.open(Sims.vcenter(vcsim).withTrust(Trust.anyCertificate()), null, heard)) {
            assertThat(forker.about().apiType()).isEqualTo("VirtualCenter");
        }
        assertThat(heard.warnings()).singleElement().asString().contains("Not checking the TLS certificate");
    }

    @Test
    void aWrongPasswordIsALoginErrorNamingUserAndUrlTriedOnce() {
        String wrong = "wr0ng&<pass>";
        VCenter vcenter = new VCenter(vcsim.url(), vcsim.user(), wrong, Trust.pinned(vcsim.thumbprint()), null, null);

        VmforkException e = failure(() -> Forker.open(vcenter, ForkMode.AUTO, null));

        assertThat(e.kind()).isEqualTo(Kind.LOGIN);
        assertThat(e.fault()).isEqualTo("InvalidLogin");
        assertThat(e.getMessage()).contains(vcsim.user()).contains(vcsim.url()).doesNotContain(wrong);
        assertThat(vcsim.soapRequestsByMethod()).containsEntry("Login", 1L);
    }

    @Test
    void passwordsWithXmlSpecialCharactersSpacesAndNonAsciiLettersLogIn() {
        String password = "p&<>\"' wört ñ";
        try (Vcsim special = Vcsim.start("-password", password)) {
            try (Forker forker = Forker.open(Sims.vcenter(special), ForkMode.AUTO, null)) {
                assertThat(forker.parentStatus(special.parentName()).name()).isEqualTo(special.parentName());
            }
            assertThat(special.logins()).isEqualTo(1);
        }
    }

    @Test
    void anEsxiHostIsRefusedWithAClearError() {
        try (Vcsim esx = Vcsim.start("-esx")) {
            VmforkException e = failure(() -> Forker.open(Sims.vcenter(esx), ForkMode.AUTO, null));

            assertThat(e.kind()).isEqualTo(Kind.USAGE);
            assertThat(e.getMessage()).contains("HostAgent").contains("not a vCenter");
            assertThat(esx.logins()).isZero();
        }
    }

    @Test
    void aModeTheVCenterLacksFailsBeforeAnythingIsTouchedNamingTheVersion() {
        VmforkException e = failure(() -> Forker.open(Sims.vcenter(vcsim), ForkMode.INSTANT_CLONE, null));

        assertThat(e.kind()).isEqualTo(Kind.USAGE);
        assertThat(e.getMessage())
                .contains("Instant Clone needs")
                .contains("6.5")
                .contains("choose mode vmfork or auto");
        assertThat(vcsim.soapRequestsByMethod().keySet()).containsOnly("RetrieveServiceContent", "Login", "Logout");
        assertThat(vcsim.openSessions()).isZero();
    }

    @Test
    void forkersShareOneSessionAndTheLastOneOutLogsOut() {
        Forker first = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null);
        Forker second = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null);
        second.parentStatus(vcsim.parentName());

        first.close();
        assertThat(vcsim.openSessions()).isEqualTo(1);
        second.close();
        second.close();

        assertThat(vcsim.logins()).isEqualTo(1);
        assertThat(vcsim.logouts()).isEqualTo(1);
        assertThat(vcsim.openSessions()).isZero();
    }

    @Test
    void anExpiredSessionLogsInAgainOnceAndRepeatsTheCall() {
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null)) {
            assertThat(vcsim.expireSessions()).isEqualTo(1);

            ParentStatus status = forker.parentStatus(vcsim.parentName());

            assertThat(status.name()).isEqualTo(vcsim.parentName());
            assertThat(vcsim.logins()).isEqualTo(2);
        }
    }

    @Test
    void aReloginThatIsRefusedIsNotRetried() {
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null)) {
            vcsim.expireSessions();
            vcsim.failNext("Login", "InvalidLogin", 5);

            VmforkException e = failure(() -> forker.parentStatus(vcsim.parentName()));

            assertThat(e.kind()).isEqualTo(Kind.LOGIN);
            assertThat(e.getMessage())
                    .contains("vCenter ended the session, and logging in again failed: Logging in to")
                    .contains("(InvalidLogin); check the user name and password");
            assertThat(vcsim.soapRequestsByMethod()).containsEntry("Login", 2L);
        }
    }

    @Test
    void aSessionEndedAgainRightAfterTheNewLoginIsSaidPlainlyNotAsAMissingPrivilege() {
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null)) {
            vcsim.expireSessions();
            // The first read meets the ended session anyway; the second is the one repeated after the new login.
            vcsim.failNext("RetrievePropertiesEx", "NotAuthenticated", 2);

            VmforkException e = failure(() -> forker.parentStatus(vcsim.parentName()));

            assertThat(e.fault()).isEqualTo("NotAuthenticated");
            assertThat(e.getMessage())
                    .contains("vCenter ended the session, and again right after vmfork logged in anew")
                    .doesNotContain("privilege")
                    .doesNotContain("\n");
            assertThat(vcsim.soapRequestsByMethod()).as("one new login only").containsEntry("Login", 2L);
        }
    }

    @Test
    void forkingGoesOnAfterTheSessionExpiredBetweenTwoChildren() {
        try (Forker forker = Forker.open(Sims.vcenter(vcsim), ForkMode.AUTO, null)) {
            forker.enableParent(vcsim.parentName(), Sims.guest(vcsim), Sims.quick());
            Child first = forker.fork(Sims.child(vcsim).build());
            assertThat(vcsim.expireSessions()).isEqualTo(1);

            Child second = forker.fork(Sims.child(vcsim).build());

            assertThat(second.ip()).isNotBlank().isNotEqualTo(first.ip());
            assertThat(vcsim.logins()).isEqualTo(2);
            forker.sweep(SweepCriteria.childrenOf(null));
        }
    }

    @Test
    void aVCenterThatAnswersTooSlowlyTimesOut() {
        VCenter impatient = Sims.vcenter(vcsim).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
        vcsim.responseDelay(Duration.ofMillis(1500));

        VmforkException e = failure(() -> Forker.open(impatient, ForkMode.AUTO, null));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("did not answer in time");
    }

    static VmforkException failure(java.util.function.Supplier<?> call) {
        return catchThrowableOfType(VmforkException.class, call::get);
    }
}
