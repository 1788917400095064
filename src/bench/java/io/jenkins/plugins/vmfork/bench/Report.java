package io.jenkins.plugins.vmfork.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: tables printed as Markdown, and the same data with every detail as JSON. */
final class Report {

    /** One figure for vmfork and each baseline; NaN where a client does not apply. */
    record Row(String figure, String unit, double vmfork, double polling, double pyvmomi) {}

    /** A target of vmfork's own figures and whether this run meets it. */
    record Target(String target, String measured, boolean met) {}

    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final List<String[]> concurrency = new ArrayList<>();
    private final List<String[]> soak = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    void meta(String key, Object value) {
        meta.put(key, value);
    }

    void row(String figure, String unit, double vmfork, double polling, double pyvmomi) {
        rows.add(new Row(figure, unit, vmfork, polling, pyvmomi));
    }

    /** Raw data for the JSON only, e.g. the SOAP methods per child of each client. */
    void detail(String key, Object value) {
        details.put(key, value);
    }

    void concurrency(String... cells) {
        concurrency.add(cells);
    }

    void soak(String figure, Object value) {
        soak.add(new String[] {figure, String.valueOf(value)});
    }

    void target(String target, String measured, boolean met) {
        targets.add(new Target(target, measured, met));
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# vmfork benchmark\n\n");
        meta.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n| Figure | vmfork | yavijava, polling | pyVmomi | polling ÷ vmfork | pyVmomi ÷ vmfork |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            md.append("| ")
                    .append(r.figure())
                    .append(" (")
                    .append(r.unit())
                    .append(") | ")
                    .append(num(r.vmfork()))
                    .append(" | ")
                    .append(num(r.polling()))
                    .append(" | ")
                    .append(num(r.pyvmomi()))
                    .append(" | ")
                    .append(ratio(r.polling(), r.vmfork()))
                    .append(" | ")
                    .append(ratio(r.pyvmomi(), r.vmfork()))
                    .append(" |\n");
        }
        md.append("\n| Children at once | total (ms) | p50 (ms) | p95 (ms) | p95 ÷ p50 | failures | SOAP requests "
                + "per child | logins | sessions open | heap after GC (MB) |\n|---:|---:|---:|---:|---:|---:|---:|---:|"
                + "---:|---:|\n");
        concurrency.forEach(
                cells -> md.append("| ").append(String.join(" | ", cells)).append(" |\n"));
        md.append("\n| Soak | |\n|---|---|\n");
        soak.forEach(cells ->
                md.append("| ").append(cells[0]).append(" | ").append(cells[1]).append(" |\n"));
        md.append("\n| Target | This run | Met |\n|---|---|---|\n");
        targets.forEach(t -> md.append("| ")
                .append(t.target())
                .append(" | ")
                .append(t.measured())
                .append(" | ")
                .append(t.met() ? "yes" : "**no**")
                .append(" |\n"));
        return md.toString();
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("benchmark.md"), markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", meta);
        List<Map<String, Object>> table = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("figure", r.figure());
            row.put("unit", r.unit());
            row.put("vmfork", value(r.vmfork()));
            row.put("yavijavaPolling", value(r.polling()));
            row.put("pyvmomi", value(r.pyvmomi()));
            table.add(row);
        }
        json.put("figures", table);
        json.put("concurrency", concurrency);
        json.put("soak", soak);
        json.put("targets", targets);
        json.putAll(details);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("benchmark.json").toFile(), json);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double baseline, double vmfork) {
        if (Double.isNaN(baseline) || Double.isNaN(vmfork) || vmfork <= 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f×", baseline / vmfork);
    }

    private static Object value(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
