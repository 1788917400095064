package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every parameter of every step and of the build wrapper comes back from its getter as it was given, under the name
 * that its page in docs/steps documents, and has a help file (and a field in the form, unless it is for Pipeline
 * only). Reflection only, as Jenkins binds them.
 */
class StepParametersTest {

    private static final Path DOCS = Path.of(System.getProperty("basedir", ".")).resolve("docs/steps");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(\\w+)` \\|", Pattern.MULTILINE);
    private static final Set<String> PIPELINE_ONLY = Set.of("configParams", "commandsBefore");

    @Test
    void everyParameterRoundTripsUnderItsDocumentedName() throws Exception {
        for (Map.Entry<String, Class<?>> step : StepModel.BY_NAME.entrySet()) {
            Class<?> type = step.getValue();
            Map<String, Class<?>> parameters = StepModel.parameters(type);

            assertThat(parameters.keySet())
                    .as("parameters of %s as documented in docs/steps", step.getKey())
                    .containsExactlyInAnyOrderElementsOf(documented(step.getKey()));

            Object instance = construct(type, parameters);
            for (Map.Entry<String, Method> setter : StepModel.setters(type).entrySet()) {
                Object value = sample(
                        setter.getKey(),
                        setter.getValue().getParameterTypes()[0],
                        StepModel.getter(type, setter.getKey()).invoke(instance));
                setter.getValue().invoke(instance, value);
                assertThat(StepModel.getter(type, setter.getKey()).invoke(instance))
                        .as("%s.%s", step.getKey(), setter.getKey())
                        .isEqualTo(value);
            }
        }
    }

    @Test
    void everyParameterHasHelpAndAFormField() throws Exception {
        for (Class<?> type : StepModel.BY_NAME.values()) {
            String jelly = resource(type, "config.jelly");
            assertThat(resource(type, "help.html")).contains("<div>");
            for (String name : StepModel.parameters(type).keySet()) {
                assertThat(resource(type, "help-" + name + ".html"))
                        .as("help of %s", name)
                        .contains("<div>");
                if (!PIPELINE_ONLY.contains(name)) {
                    assertThat(jelly)
                            .as("form field of %s.%s", type.getSimpleName(), name)
                            .contains("field=\"" + name + "\"");
                }
            }
        }
    }

    private static List<String> documented(String step) throws Exception {
        String page = Files.readString(DOCS.resolve(step + ".md"));
        String table = page.substring(page.indexOf("## Parameters"));
        List<String> names = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(table.substring(0, endOfTable(table)));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    private static int endOfTable(String fromHeading) {
        int afterHeader = fromHeading.indexOf("|---");
        int end = fromHeading.indexOf("\n\n", afterHeader);
        return end < 0 ? fromHeading.length() : end;
    }

    private static Object construct(Class<?> type, Map<String, Class<?>> parameters) throws Exception {
        var constructor = StepModel.constructor(type);
        List<Object> args = new ArrayList<>();
        var names = new ArrayList<>(parameters.keySet());
        for (int i = 0; i < constructor.getParameterCount(); i++) {
            Object value = sample(names.get(i), constructor.getParameterTypes()[i], null);
            args.add(value);
        }
        Object instance = constructor.newInstance(args.toArray());
        for (int i = 0; i < args.size(); i++) {
            assertThat(StepModel.getter(type, names.get(i)).invoke(instance)).isEqualTo(args.get(i));
        }
        return instance;
    }

    /** A valid value other than the default, so that a setter that drops it is caught. */
    private static Object sample(String name, Class<?> type, Object current) {
        if (type == boolean.class || type == Boolean.class) {
            return !Boolean.TRUE.equals(current);
        }
        if (type == int.class || type == Integer.class) {
            return 123;
        }
        if (type == List.class) {
            return List.of("first " + name, "second " + name);
        }
        if (type == Map.class) {
            return Map.of("guestinfo.sample", "value of " + name);
        }
        return switch (name) {
            case "mode" -> "instantClone";
            case "olderThan" -> "2h";
            default -> "sample-" + name;
        };
    }

    private static String resource(Class<?> type, String name) throws Exception {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + name)) {
            assertThat(in)
                    .as("%s/%s next to %s", type.getSimpleName(), name, type.getName())
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
