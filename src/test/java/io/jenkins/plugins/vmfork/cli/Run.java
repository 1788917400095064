package io.jenkins.plugins.vmfork.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One in-process run of the command line with captured output.
 *
 * @param code the exit code
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
record Run(int code, String out, String err) {

    /** Runs {@code vmfork args...} with the given environment and no terminal to ask for passwords on. */
    static Run of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), env, null), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run of(String... args) {
        return of(Map.of(), args);
    }

    /** Both streams, for failure messages and secret checks. */
    String all() {
        return out + err;
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
