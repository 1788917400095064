package io.jenkins.plugins.vmfork.steps;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The children that builds forked and that still have to be destroyed, kept in a small text file (one child a line)
 * so that they survive a controller restart. Written in full on every change, through a temporary file and a move,
 * so a crash leaves the old or the new list, never half of one. Thread-safe.
 *
 * <p>A file that cannot be written is logged and the list is kept in memory: the children are then still destroyed
 * at the end of their builds, and the tag sweep finds them after a restart.
 */
final class PendingCleanups {

    private static final Logger LOGGER = Logger.getLogger(PendingCleanups.class.getName());
    private static final String HEADER = "# vmfork: children to destroy (vcenter childId childName runId since"
            + " attempts lastError, URL-encoded)";

    private final Path file;
    private List<PendingCleanup> records;

    PendingCleanups(Path file) {
        this.file = file;
    }

    synchronized void add(PendingCleanup record) {
        List<PendingCleanup> next = without(record.vcenter(), record.childId());
        next.add(record);
        store(next);
    }

    synchronized void remove(String vcenter, String childId) {
        if (find(vcenter, childId) != null) {
            store(without(vcenter, childId));
        }
    }

    /** Counts a failed destruction of a recorded child; a child that is not recorded is left alone. */
    synchronized void failed(String vcenter, String childId, String error) {
        PendingCleanup record = find(vcenter, childId);
        if (record != null) {
            List<PendingCleanup> next = without(vcenter, childId);
            next.add(record.failedAgain(error));
            store(next);
        }
    }

    synchronized List<PendingCleanup> all() {
        return List.copyOf(loaded());
    }

    synchronized List<PendingCleanup> forRun(String runId) {
        return loaded().stream().filter(r -> r.runId().equals(runId)).toList();
    }

    private PendingCleanup find(String vcenter, String childId) {
        return loaded().stream()
                .filter(r -> r.sameChild(vcenter, childId))
                .findFirst()
                .orElse(null);
    }

    private List<PendingCleanup> without(String vcenter, String childId) {
        return loaded().stream().filter(r -> !r.sameChild(vcenter, childId)).collect(Collectors.toList());
    }

    private List<PendingCleanup> loaded() {
        if (records == null) {
            records = read();
        }
        return records;
    }

    private List<PendingCleanup> read() {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        List<PendingCleanup> read = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    parse(line, read);
                }
            }
        } catch (IOException e) {
            LOGGER.log(
                    Level.WARNING,
                    "Cannot read the pending child cleanups in " + file + "; the tag sweep still"
                            + " finds children of finished builds",
                    e);
        }
        return read;
    }

    /** Adds the record of one line; a damaged line is logged and skipped, so that it cannot hide the others. */
    private void parse(String line, List<PendingCleanup> into) {
        try {
            into.add(parse(line));
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Skipping a damaged line of " + file + ": " + line, e);
        }
    }

    private void store(List<PendingCleanup> next) {
        records = next;
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        next.forEach(r -> lines.add(format(r)));
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot save the pending child cleanups to " + file + "; kept in memory", e);
        }
    }

    private static String format(PendingCleanup r) {
        return Arrays.asList(
                        r.vcenter(),
                        r.childId(),
                        r.childName(),
                        r.runId(),
                        r.since().toString(),
                        String.valueOf(r.attempts()),
                        r.lastError() == null ? "" : r.lastError())
                .stream()
                .map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8))
                .collect(Collectors.joining(" "));
    }

    private static PendingCleanup parse(String line) {
        String[] f = Arrays.stream(line.split(" ", -1))
                .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8))
                .toArray(String[]::new);
        if (f.length != 7) {
            throw new IllegalArgumentException("expected 7 fields, found " + f.length + ": " + line);
        }
        return new PendingCleanup(
                f[0], f[1], f[2], f[3], Instant.parse(f[4]), Integer.parseInt(f[5]), f[6].isEmpty() ? null : f[6]);
    }
}
