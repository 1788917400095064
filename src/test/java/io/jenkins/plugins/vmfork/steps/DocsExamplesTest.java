package io.jenkins.plugins.vmfork.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every ```groovy example in README.md and docs/ calls only vmfork steps that exist, with named parameters that
 * exist: a renamed parameter or a typo in a step name fails here before a user copies it.
 */
class DocsExamplesTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "."));
    private static final Pattern GROOVY = Pattern.compile("```groovy\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("\\b(vmfork[A-Z]\\w*)\\b");

    @Test
    void examplesUseOnlyStepsAndParametersThatExist() throws IOException {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Path page : pages()) {
            Matcher block = GROOVY.matcher(Files.readString(page));
            while (block.find()) {
                for (Call call : calls(block.group(1))) {
                    calls++;
                    problems.addAll(problems(ROOT.relativize(page) + ": " + call.text(), call));
                }
            }
        }

        assertThat(problems).isEmpty();
        assertThat(calls).as("calls of vmfork steps found in the examples").isGreaterThan(15);
    }

    @Test
    void theParserSeesBothCallForms() {
        List<Call> calls = calls("""
                vmforkEnableParent parent: 'p', guestCredentialsId: 'g',
                    timeout: 60
                def c = vmforkChild(parent: 'p', configParams: ['a.b': 'c', x: 1]) {
                  sh "echo ${vmforkCleanup()} $VMFORK_CHILD_IP"
                }
                wrap(vmforkBuildWrapper(parent: "p(1)")) { }
                """);

        assertThat(calls)
                .extracting(Call::step)
                .containsExactly("vmforkEnableParent", "vmforkChild", "vmforkCleanup", "vmforkBuildWrapper");
        assertThat(calls.get(0).named()).containsExactly("parent", "guestCredentialsId", "timeout");
        assertThat(calls.get(1).named()).containsExactly("parent", "configParams");
        assertThat(calls.get(2).named()).isEmpty();
        assertThat(calls.get(3).named()).containsExactly("parent");
        assertThat(problems("", new Call("vmforkChlid", List.of("parent"), ""))).isNotEmpty();
        assertThat(problems("", new Call("vmforkChild", List.of("parnet"), ""))).isNotEmpty();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<String> problems(String where, Call call) {
        Class<?> type = StepModel.BY_NAME.get(call.step());
        if (type == null) {
            return List.of(where + ": no step " + call.step() + "; there are " + StepModel.BY_NAME.keySet());
        }
        var known = StepModel.parameters(type).keySet();
        return call.named().stream()
                .filter(name -> !known.contains(name))
                .map(name -> where + ": " + call.step() + " has no parameter " + name + "; it has " + known)
                .toList();
    }

    /** One call of a vmfork step: its name and the names of its named arguments. */
    record Call(String step, List<String> named, String text) {}

    /**
     * The calls in a piece of Groovy: {@code step(args)} up to the matching parenthesis, or the command form
     * {@code step args} to the end of the line and the lines that continue it after a trailing comma.
     */
    static List<Call> calls(String groovy) {
        List<Call> calls = new ArrayList<>();
        Matcher call = CALL.matcher(groovy);
        while (call.find()) {
            int at = call.end();
            while (at < groovy.length() && groovy.charAt(at) == ' ') {
                at++;
            }
            String args = at < groovy.length() && groovy.charAt(at) == '('
                    ? inParentheses(groovy, at)
                    : commandArguments(groovy, at);
            calls.add(new Call(call.group(1), namedArguments(args), call.group(1) + " " + args.strip()));
        }
        return calls;
    }

    private static String inParentheses(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i = skipString(text, i) + 1) {
            char c = text.charAt(i);
            depth += c == '(' || c == '[' ? 1 : c == ')' || c == ']' ? -1 : 0;
            if (depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new AssertionError("unbalanced parentheses after: " + text.substring(open));
    }

    private static String commandArguments(String text, int from) {
        int end = from;
        while (true) {
            int lineEnd = text.indexOf('\n', end);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            end = lineEnd;
            if (!text.substring(from, lineEnd).stripTrailing().endsWith(",") || lineEnd == text.length()) {
                return text.substring(from, end);
            }
            end = lineEnd + 1;
        }
    }

    /** Names before a colon at the top level of the arguments, outside strings and nested lists or maps. */
    private static List<String> namedArguments(String args) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(args, i);
                word.setLength(0);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (Character.isJavaIdentifierPart(c)) {
                word.append(c);
            } else if (c == ':' && depth == 0 && !word.isEmpty()) {
                names.add(word.toString());
                word.setLength(0);
            } else if (c != ' ') {
                word.setLength(0);
            }
        }
        return names;
    }

    /** The index of the closing quote when a string starts here, else the index itself. */
    private static int skipString(String text, int i) {
        char quote = text.charAt(i);
        if (quote != '\'' && quote != '"') {
            return i;
        }
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != quote) {
            j += text.charAt(j) == '\\' ? 2 : 1;
        }
        return j;
    }
}
