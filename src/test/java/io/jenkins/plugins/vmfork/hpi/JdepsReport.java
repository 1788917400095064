package io.jenkins.plugins.vmfork.hpi;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/** What the JDK's jdeps finds missing when a jar is given only the packaged libraries (and the JDK). */
final class JdepsReport {

    private static final Pattern NOT_FOUND = Pattern.compile("^\\s+\\S+\\s+->\\s+(\\S+)\\s+not found$");

    private JdepsReport() {}

    /** The classes that the jar refers to and that neither the JDK nor the other jars hold. */
    static Set<String> notFound(Path jar, List<Path> libs) {
        String classPath = libs.stream()
                .filter(l -> !l.equals(jar))
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        int exit = jdeps.run(
                new PrintWriter(out),
                new PrintWriter(err),
                "--multi-release",
                String.valueOf(Runtime.version().feature()),
                "-verbose:class",
                "-cp",
                classPath,
                jar.toString());
        if (exit != 0) {
            throw new IllegalStateException("jdeps failed (" + exit + "): " + err);
        }

        Set<String> missing = new TreeSet<>();
        for (String line : out.toString().lines().toList()) {
            Matcher m = NOT_FOUND.matcher(line);
            if (m.matches()) {
                missing.add(m.group(1));
            }
        }
        return missing;
    }
}
