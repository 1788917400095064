package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads passwords from files, the environment or the terminal; never from anything that gets printed. */
final class Secrets {

    private Secrets() {}

    /**
     * The first line of a password file, without its line ending (so that {@code echo secret > file} works).
     *
     * @param what what the password is for, e.g. {@code --password-file}, for messages
     */
    static String readFile(Path file, String what) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw usage(what + " " + file + " does not exist: give the file that holds the password");
        } catch (MalformedInputException e) {
            throw usage(what + " " + file + " is not UTF-8 text: save the password in it as UTF-8");
        } catch (IOException e) {
            throw usage("Cannot read " + what + " " + file + " (" + e.getClass().getSimpleName()
                    + "): check that it is a readable file");
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw usage(what + " " + file + " is empty: put the password on its first line");
        }
        return lines.get(0);
    }

    /**
     * A password from the first place that has one: the file given with {@code fileOption}, the environment
     * variable, or the answer to {@code question} on the terminal.
     *
     * @param missing the usage error when none has one (no file, no variable, no terminal or nothing typed)
     */
    static String fromFileEnvOrPrompt(
            Terminal terminal, Path file, String fileOption, String env, String question, String missing) {
        if (file != null) {
            return readFile(file, fileOption);
        }
        String fromEnv = terminal.env(env);
        if (fromEnv != null) {
            return fromEnv;
        }
        String typed = prompt(terminal, question);
        if (typed == null) {
            throw usage(missing);
        }
        return typed;
    }

    /** Asks on the terminal without echo, or returns null when there is no terminal. */
    static String prompt(Terminal terminal, String question) {
        if (terminal.console() == null) {
            return null;
        }
        char[] typed = terminal.console().readPassword("%s", question);
        return typed == null || typed.length == 0 ? null : new String(typed);
    }

    static VmforkException usage(String message) {
        return new VmforkException(VmforkException.Kind.USAGE, null, message);
    }
}
