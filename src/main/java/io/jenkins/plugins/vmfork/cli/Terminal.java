package io.jenkins.plugins.vmfork.cli;

import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Where the command line writes and what it reads from its surroundings, so that tests can run it in-process.
 *
 * @param out results (what a script reads)
 * @param err progress, warnings and errors
 * @param env the environment variables (VMFORK_URL, VMFORK_PASSWORD, ...)
 * @param console the terminal to ask for a missing password on, or null when there is none
 */
public record Terminal(PrintWriter out, PrintWriter err, Map<String, String> env, Console console) {

    public Terminal {
        env = Map.copyOf(env);
    }

    /** The process's own standard streams, environment and terminal. */
    public static Terminal system() {
        return new Terminal(
                new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true),
                new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true),
                System.getenv(),
                System.console());
    }

    /** An environment variable, or null when it is unset or empty. */
    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Prints a warning to the error stream as {@code vmfork: warning: ...}. */
    public void warn(String message) {
        err.println("vmfork: warning: " + message);
        err.flush();
    }
}
