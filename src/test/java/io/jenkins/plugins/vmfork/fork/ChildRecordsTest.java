package io.jenkins.plugins.vmfork.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config parameters a new child gets: the caller's own, and the tags the sweep and the guest rely on. */
class ChildRecordsTest {

    private static final Instant CREATED = Instant.parse("2026-12-03T10:15:30Z");

    @Test
    void aChildKeepsTheCallersParamsAndCarriesItsNameParentAndBuild() {
        ChildSpec spec = ChildSpec.builder("ci-parent")
                .configParam("guestinfo.role", "tests")
                .tags("owner-1", "folder/job", "42")
                .build();

        Map<String, String> params =
                ChildRecords.tags(spec, "job-42-abc123", "vm-7", "ci-parent", ForkMode.VMFORK, CREATED);

        assertThat(params)
                .containsEntry("guestinfo.role", "tests")
                .containsEntry(Tags.NAME, "job-42-abc123")
                .containsEntry(Tags.PARENT, "vm-7")
                .containsEntry(Tags.PARENT_NAME, "ci-parent")
                .containsEntry(Tags.MODE, "vmfork")
                .containsEntry(Tags.CREATED, "2026-12-03T10:15:30Z")
                .containsEntry(Tags.OWNER, "owner-1")
                .containsEntry(Tags.JOB, "folder/job")
                .containsEntry(Tags.BUILD, "42");
    }

    @Test
    void ownerJobAndBuildAreLeftOutWhenNotGiven() {
        Map<String, String> params =
                ChildRecords.tags(ChildSpec.builder("p").build(), "c-1", "vm-7", "p", ForkMode.INSTANT_CLONE, CREATED);

        assertThat(params)
                .doesNotContainKeys(Tags.OWNER, Tags.JOB, Tags.BUILD)
                .containsEntry(Tags.MODE, "instant-clone");
    }
}
