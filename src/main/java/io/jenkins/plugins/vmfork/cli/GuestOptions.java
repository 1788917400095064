package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.GuestCredentials;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The guest OS account that runs commands inside a VM through VMware Tools. */
final class GuestOptions {

    static final String PASSWORD_ENV = "VMFORK_GUEST_PASSWORD";

    @Option(
            names = "--guest-user",
            paramLabel = "USER",
            order = 200,
            description = "guest OS account that runs the commands through VMware Tools, e.g. root")
    String user;

    @Option(
            names = "--guest-password-file",
            paramLabel = "FILE",
            order = 201,
            description =
                    "file whose first line is the guest password; without it, $" + PASSWORD_ENV + " holds the password")
    Path passwordFile;

    /** The guest account, or null when no --guest-user was given. */
    GuestCredentials credentials(Terminal terminal) {
        if (user == null) {
            if (passwordFile != null) {
                throw Secrets.usage("--guest-password-file needs --guest-user: give the guest account too");
            }
            return null;
        }
        if (user.isBlank()) {
            throw Secrets.usage("--guest-user is empty: give the guest account's user name, e.g. --guest-user root");
        }
        return new GuestCredentials(user, password(terminal));
    }

    private String password(Terminal terminal) {
        return Secrets.fromFileEnvOrPrompt(
                terminal,
                passwordFile,
                "--guest-password-file",
                PASSWORD_ENV,
                "Guest password for " + user + ": ",
                "No guest password for '" + user + "' given: set " + PASSWORD_ENV
                        + " or give --guest-password-file FILE");
    }
}
