package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.Trust;
import io.jenkins.plugins.vmfork.fork.VCenter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to reach and log in to vCenter; shared by every command that talks to one. */
final class ConnectionOptions {

    static final String URL_ENV = "VMFORK_URL";
    static final String USER_ENV = "VMFORK_USER";
    static final String PASSWORD_ENV = "VMFORK_PASSWORD";
    static final String THUMBPRINT_ENV = "VMFORK_THUMBPRINT";

    @Option(
            names = "--url",
            paramLabel = "URL",
            order = 100,
            description = "vCenter: host, https://host or https://host:port/sdk (default: $" + URL_ENV + ")")
    String url;

    @Option(
            names = "--user",
            paramLabel = "USER",
            order = 101,
            description = "vCenter user, e.g. ci@vsphere.local (default: $" + USER_ENV + ")")
    String user;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            order = 102,
            description = "file whose first line is the vCenter password; without it, $" + PASSWORD_ENV
                    + " holds the password")
    Path passwordFile;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            order = 103,
            description = "the password itself; other users can see it in the process list, so prefer $" + PASSWORD_ENV
                    + " or --password-file")
    String password;

    @Option(
            names = "--thumbprint",
            paramLabel = "SHA256",
            order = 104,
            description = "trust only the certificate with this SHA-256 thumbprint (64 hex digits, colons allowed) "
                    + "instead of the Java trust store (default: $" + THUMBPRINT_ENV + ")")
    String thumbprint;

    @Option(
            names = "--insecure",
            order = 105,
            description =
                    "accept any certificate, or plain http:// (anyone on the network path can read the " + "password)")
    boolean insecure;

    /** The vCenter these options and the environment describe; asks for the password on a terminal if needed. */
    VCenter vcenter(Terminal terminal) {
        String address = firstOf(url, terminal.env(URL_ENV));
        if (address == null) {
            throw Secrets.usage("No vCenter given: give --url https://vcenter.example.com or set " + URL_ENV);
        }
        String login = firstOf(user, terminal.env(USER_ENV));
        if (login == null) {
            throw Secrets.usage("No vCenter user given: give --user USER (e.g. ci@vsphere.local) or set " + USER_ENV);
        }
        if (thumbprint == null && !insecure) {
            thumbprint = firstOf(null, terminal.env(THUMBPRINT_ENV));
        }
        Trust trust = trust();
        VCenter checked = new VCenter(address, login, "", Trust.anyCertificate(), null, null);
        if (checked.plainHttp()) {
            requireHttpAccepted(checked.url());
        }
        return new VCenter(checked.url(), login, password(terminal, login, checked.host()), trust, null, null);
    }

    private Trust trust() {
        if (thumbprint != null && insecure) {
            throw Secrets.usage("--thumbprint and --insecure contradict each other: give one of them");
        }
        if (thumbprint != null) {
            return Trust.pinned(thumbprint);
        }
        // The fork API warns about --insecure on every connection, through the listener: no warning of our own.
        return insecure ? Trust.anyCertificate() : Trust.jvm();
    }

    /** Plain HTTP sends the password in clear text: only --insecure, which accepts that, allows it. */
    private void requireHttpAccepted(String address) {
        if (thumbprint != null) {
            throw Secrets.usage("--thumbprint cannot be checked over plain HTTP (" + address + "): there is no "
                    + "certificate; use https://");
        }
        if (!insecure) {
            throw Secrets.usage("--url " + address + " is plain HTTP: the vCenter password would cross the network "
                    + "unencrypted. Use https://, or add --insecure to accept that (test setups only)");
        }
    }

    private String password(Terminal terminal, String login, String host) {
        if (password != null && passwordFile != null) {
            throw Secrets.usage("Give the vCenter password one way: --password-file or --password, not both");
        }
        if (password != null) {
            terminal.warn("--password puts the password in the process list and shell history; use $" + PASSWORD_ENV
                    + " or --password-file");
            return password;
        }
        return Secrets.fromFileEnvOrPrompt(
                terminal,
                passwordFile,
                "--password-file",
                PASSWORD_ENV,
                "Password for " + login + " at " + host + ": ",
                "No vCenter password given: set " + PASSWORD_ENV + " or give --password-file FILE");
    }

    private static String firstOf(String option, String env) {
        return option != null && !option.isBlank() ? option : env;
    }
}
