package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of children to destroy survives a restart: what one instance writes, a new one reads back. */
class PendingCleanupsTest {

    @TempDir
    Path dir;

    @Test
    void recordsSurviveARestartWithAwkwardNames() {
        Path file = dir.resolve("pending.txt");
        PendingCleanups before = new PendingCleanups(file);
        PendingCleanup odd = new PendingCleanup(
                "lab", "vm-1", "child 1", "folder/my job #2#17", Instant.parse("2026-12-03T10:15:30Z"), 0, null);
        before.add(odd);
        before.add(new PendingCleanup("lab", "vm-2", "child-2", "app#3", Instant.now(), 0, null));
        before.failed("lab", "vm-1", "vCenter said: no\nsecond line % + & é");

        PendingCleanups after = new PendingCleanups(file);

        assertThat(after.forRun("folder/my job #2#17")).singleElement().satisfies(r -> {
            assertThat(r.childName()).isEqualTo("child 1");
            assertThat(r.since()).isEqualTo(odd.since());
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.lastError()).isEqualTo("vCenter said: no\nsecond line % + & é");
        });
        assertThat(after.all()).hasSize(2);
    }

    @Test
    void removingAndFailingUnknownChildrenChangesNothing() {
        PendingCleanups pending = new PendingCleanups(dir.resolve("pending.txt"));
        pending.add(new PendingCleanup("lab", "vm-1", "c1", "app#1", Instant.now(), 0, null));

        pending.remove("other", "vm-1");
        pending.failed("lab", "vm-9", "gone");

        assertThat(pending.all())
                .singleElement()
                .satisfies(r -> assertThat(r.attempts()).isZero());
        pending.remove("lab", "vm-1");
        assertThat(new PendingCleanups(dir.resolve("pending.txt")).all()).isEmpty();
    }

    @Test
    void aDamagedLineDoesNotHideTheOthers() throws Exception {
        Path file = dir.resolve("pending.txt");
        PendingCleanups pending = new PendingCleanups(file);
        pending.add(new PendingCleanup("lab", "vm-1", "c1", "app#1", Instant.now(), 0, null));
        Files.writeString(file, "half a line\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThat(new PendingCleanups(file).all())
                .extracting(PendingCleanup::childId)
                .containsExactly("vm-1");
    }

    @Test
    void aFileThatCannotBeWrittenKeepsTheListInMemory() throws Exception {
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "a file where a folder should be");
        PendingCleanups pending = new PendingCleanups(blocked.resolve("pending.txt"));

        pending.add(new PendingCleanup("lab", "vm-1", "c1", "app#1", Instant.now(), 0, null));

        assertThat(pending.forRun("app#1")).hasSize(1);
    }
}
