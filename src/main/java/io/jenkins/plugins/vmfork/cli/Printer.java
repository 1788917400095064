package io.jenkins.plugins.vmfork.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.vmfork.fork.Child;
import io.jenkins.plugins.vmfork.fork.ParentStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints results to standard output: aligned text for people, or one JSON document with --json. */
final class Printer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final boolean json;

    Printer(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** One child: name, id, IP, parent, creation time and tags. */
    void child(Child child) {
        if (json) {
            print(childJson(child));
            return;
        }
        pairs(List.of(
                new String[] {"name", child.name()},
                new String[] {"id", child.id()},
                new String[] {"ip", child.ip() == null ? "(not waited for: give --wait-ip)" : child.ip()},
                new String[] {"parent", child.parentName()},
                new String[] {"created", text(child.createdAt())}));
    }

    /** Children as a table, or a sentence when there are none. */
    void children(List<Child> children, String none) {
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            children.forEach(c -> array.add(childJson(c)));
            print(array);
            return;
        }
        if (children.isEmpty()) {
            out.println(none);
            out.flush();
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "ID", "IP", "PARENT", "AGE", "OWNER", "JOB", "BUILD"});
        Instant now = Instant.now();
        for (Child c : children) {
            rows.add(new String[] {
                c.name(), c.id(), c.ip(), c.parentName(), age(c.createdAt(), now), c.owner(), c.job(), c.build()
            });
        }
        table(rows);
    }

    /** A parent's state. */
    void parent(ParentStatus status) {
        if (json) {
            ObjectNode node = JSON.createObjectNode()
                    .put("name", status.name())
                    .put("id", status.id())
                    .put("enabled", status.enabled())
                    .put("quiesced", status.quiesced());
            ArrayNode children = node.putArray("children");
            status.children().forEach(children::add);
            print(node);
            return;
        }
        String children = status.children().isEmpty() ? "none" : String.join(", ", status.children());
        pairs(List.of(
                new String[] {"parent", status.name() + " (" + status.id() + ")"},
                new String[] {"enabled", yesNo(status.enabled())},
                new String[] {"quiesced", yesNo(status.quiesced())},
                new String[] {"children", children}));
    }

    /** The result of destroying one VM. */
    void destroyed(String child, boolean destroyed) {
        if (json) {
            print(JSON.createObjectNode().put("child", child).put("destroyed", destroyed));
            return;
        }
        out.println(destroyed ? "Destroyed " + child : "No VM '" + child + "' exists: nothing to destroy");
        out.flush();
    }

    /** What a sweep destroyed, or would destroy on a dry run. */
    void swept(List<Child> children, boolean dryRun, String scope) {
        if (json) {
            ObjectNode node = JSON.createObjectNode().put("dryRun", dryRun);
            ArrayNode array = node.putArray("children");
            children.forEach(c -> array.add(childJson(c)));
            print(node);
            return;
        }
        if (children.isEmpty()) {
            out.println("No child " + scope + ": nothing to " + (dryRun ? "list" : "destroy"));
            out.flush();
            return;
        }
        out.println((dryRun ? "Would destroy " : "Destroyed ") + count(children.size()) + " " + scope
                + (dryRun ? " (dry run, nothing destroyed):" : ":"));
        children(children, "");
    }

    static String count(int children) {
        return children == 1 ? "1 child" : children + " children";
    }

    private static ObjectNode childJson(Child child) {
        return JSON.createObjectNode()
                .put("name", child.name())
                .put("id", child.id())
                .put("ip", child.ip())
                .put("parent", child.parentName())
                .put("parentId", child.parentId())
                .put(
                        "createdAt",
                        child.createdAt() == null ? null : child.createdAt().toString())
                .put("owner", child.owner())
                .put("job", child.job())
                .put("build", child.build());
    }

    private void print(Object node) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.flush();
    }

    private void pairs(List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out.println(pad(row[0], width) + "  " + dash(row[1]));
        }
        out.flush();
    }

    private void table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], dash(row[i]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? dash(row[i]) : pad(dash(row[i]), widths[i]) + "  ");
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** How long ago, in the unit a person would use: {@code 45s}, {@code 12m}, {@code 3h}, {@code 2d}. */
    static String age(Instant created, Instant now) {
        if (created == null) {
            return null;
        }
        Duration age = Duration.between(created, now);
        if (age.isNegative()) {
            return "0s";
        }
        long s = age.getSeconds();
        return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172_800 ? s / 3600 + "h" : s / 86_400 + "d";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }

    private static String pad(String text, int width) {
        return String.format(Locale.ROOT, "%-" + Math.max(width, 1) + "s", text);
    }
}
