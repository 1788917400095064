package io.jenkins.plugins.vmfork.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value types of the fork API: normalizing input, refusing bad input, never showing secrets. */
class ValuesTest {

    private static final String SECRET = "s3cr&t<pw>";

    @Test
    void vCenterUrlsAreNormalizedToTheSdkEndpoint() {
        assertThat(VCenter.of("vc.example.com", "u", "p").url()).isEqualTo("https://vc.example.com/sdk");
        assertThat(VCenter.of("https://vc.example.com/", "u", "p").url()).isEqualTo("https://vc.example.com/sdk");
        assertThat(VCenter.of("https://VC:8443/sdk", "u", "p").url()).isEqualTo("https://VC:8443/sdk");
        assertThat(new VCenter("http://127.0.0.1:1234", "u", "p", Trust.anyCertificate(), null, null).url())
                .isEqualTo("http://127.0.0.1:1234/sdk");
    }

    @Test
    void plainHttpIsRefusedUnlessAnyCertificateIsTrusted() {
        assertThatThrownBy(() -> VCenter.of("http://vc", "u", "p"))
                .hasMessageContaining("'http://vc/sdk'")
                .hasMessageContaining("unencrypted");
        assertThatThrownBy(() -> new VCenter("http://vc", "u", "p", Trust.pinned("AB".repeat(32)), null, null))
                .hasMessageContaining("thumbprint cannot be checked");
        assertThat(new VCenter("http://vc", "u", "p", Trust.anyCertificate(), null, null).plainHttp())
                .isTrue();
    }

    @Test
    void badVCenterInputIsAUsageError() {
        assertThatThrownBy(() -> VCenter.of("ftp://vc", "u", "p")).hasMessageContaining("'ftp://vc'");
        assertThatThrownBy(() -> VCenter.of("https://vc", " ", "p")).hasMessageContaining("user");
        assertThatThrownBy(() -> VCenter.of("https://vc", "u", "p").withTimeouts(Duration.ZERO, null))
                .hasMessageContaining("connect timeout");
    }

    @Test
    void passwordsNeverShowInToString() {
        VCenter vcenter = VCenter.of("https://vc", "ci@vsphere.local", SECRET);
        GuestCredentials guest = new GuestCredentials("root", SECRET);
        ChildSpec spec =
                ChildSpec.builder("p").postForkCommand("/bin/true", guest).build();

        assertThat(vcenter.toString()).contains("ci@vsphere.local").doesNotContain(SECRET);
        assertThat(guest.toString()).contains("root").doesNotContain(SECRET);
        assertThat(spec.toString()).doesNotContain(SECRET);
    }

    @Test
    void thumbprintsAreAcceptedWithOrWithoutColonsInAnyCase() {
        String hex = "ab".repeat(32);

        Trust trust = Trust.pinned(hex.replaceAll("(..)(?!$)", "$1:"));

        assertThat(trust.thumbprint()).isEqualTo(hex.toUpperCase());
        assertThat(trust.displayThumbprint()).startsWith("AB:AB:").hasSize(95);
        assertThatThrownBy(() -> Trust.pinned("AB:CD"))
                .isInstanceOf(VmforkException.class)
                .hasMessageContaining("'AB:CD'");
    }

    @Test
    void childSpecsRefuseReservedParamsAndPostForkCommandsWithoutGuestLogin() {
        assertThatThrownBy(() ->
                        ChildSpec.builder("p").configParam(Tags.OWNER, "x").build())
                .hasMessageContaining(Tags.OWNER);
        assertThatThrownBy(() -> ChildSpec.builder("p")
                        .configParam("GUESTINFO.VMFORK.owner", "me")
                        .build())
                .hasMessageContaining("'GUESTINFO.VMFORK.owner' is reserved");
        assertThatThrownBy(() -> ChildSpec.builder("p")
                        .postForkCommand("/bin/true", null)
                        .build())
                .hasMessageContaining("guest credentials");
        assertThatThrownBy(() -> ChildSpec.builder(" ").build()).hasMessageContaining("parent");
        assertThatThrownBy(() -> ChildSpec.builder("p").name("bad/name").build())
                .hasMessageContaining("bad/name");
    }

    @Test
    void sweepCriteriaMatchOnlyTaggedChildrenThatMeetEveryCondition() {
        Instant now = Instant.parse("2026-01-01T12:00:00Z");
        Child old = child("1", now.minus(Duration.ofHours(2)));
        Child young = child("2", now.minus(Duration.ofMinutes(5)));
        Child untagged = new Child("x", "vm-9", null, null, null, null, null, null, null);

        SweepCriteria byAge = SweepCriteria.childrenOf(null).olderThan(Duration.ofHours(1));
        SweepCriteria byBuild = SweepCriteria.childrenOf("p").ofBuilds("job", Set.of("2"));

        assertThat(byAge.matches(old, now)).isTrue();
        assertThat(byAge.matches(young, now)).isFalse();
        assertThat(byBuild.matches(old, now)).isFalse();
        assertThat(byBuild.matches(young, now)).isTrue();
        assertThat(byBuild.ownedBy("other").matches(young, now)).isFalse();
        assertThat(SweepCriteria.childrenOf(null).matches(untagged, now)).isFalse();
    }

    @Test
    void forkModesFollowTheApiVersion() {
        assertThat(Modes.resolve(ForkMode.AUTO, "6.0", "u")).isEqualTo(ForkMode.VMFORK);
        assertThat(Modes.resolve(ForkMode.AUTO, "6.5", "u")).isEqualTo(ForkMode.VMFORK);
        assertThat(Modes.resolve(ForkMode.AUTO, "6.7.3", "u")).isEqualTo(ForkMode.INSTANT_CLONE);
        assertThat(Modes.resolve(ForkMode.AUTO, "8.0", "u")).isEqualTo(ForkMode.INSTANT_CLONE);
        assertThat(Modes.resolve(ForkMode.VMFORK, "6.7", "u")).isEqualTo(ForkMode.VMFORK);
        assertThatThrownBy(() -> Modes.resolve(ForkMode.INSTANT_CLONE, "6.5", "https://vc/sdk"))
                .hasMessageContaining("6.5")
                .hasMessageContaining("https://vc/sdk");
        assertThatThrownBy(() -> Modes.resolve(ForkMode.VMFORK, "7.0", "u")).hasMessageContaining("7.0");
        assertThatThrownBy(() -> Modes.resolve(ForkMode.AUTO, "5.5", "u")).hasMessageContaining("5.5");
    }

    @Test
    void durationsReadAsAPersonSaysThem() {
        assertThat(ForkEvent.seconds(Duration.ofMillis(420))).isEqualTo("0.4 s");
        assertThat(ForkEvent.seconds(Duration.ofSeconds(12))).isEqualTo("12 s");
        assertThat(ForkEvent.seconds(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(new ForkEvent("Forked x", "x", Duration.ofMillis(1200)).line())
                .isEqualTo("Forked x in 1.2 s");
    }

    private static Child child(String build, Instant created) {
        return new Child("c" + build, "vm-" + build, null, "p", "vm-1", created, "o", "job", build);
    }
}
