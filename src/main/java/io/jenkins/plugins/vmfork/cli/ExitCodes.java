package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.VmforkException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every command, so that scripts can tell a typo from a refusal from a slow vCenter. */
final class ExitCodes {

    static final int OK = 0;
    static final int INTERNAL = 1;
    static final int USAGE = 2;
    static final int REFUSED = 3;
    static final int TIMEOUT = 4;
    static final int CONNECTION = 5;
    static final int LOGIN = 6;
    /** What shells report for a process ended by Ctrl-C (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    private ExitCodes() {}

    static int of(VmforkException.Kind kind) {
        return switch (kind) {
            case USAGE -> USAGE;
            case REFUSED -> REFUSED;
            case TIMEOUT -> TIMEOUT;
            case CONNECTION -> CONNECTION;
            case LOGIN -> LOGIN;
            case INTERRUPTED -> INTERRUPTED;
        };
    }

    /** The list at the end of every --help. */
    static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(" " + OK, "done");
        codes.put(" " + INTERNAL, "unexpected error (run again with --verbose to see where)");
        codes.put(" " + USAGE, "usage: a wrong option or value, or no such VM");
        codes.put(" " + REFUSED, "vCenter refused or failed the operation, or VMware Tools do not run in the guest");
        codes.put(" " + TIMEOUT, "timeout: a task, a guest with VMware Tools running or an IP address took too long");
        codes.put(" " + CONNECTION, "connection: vCenter not reachable, or its certificate not trusted");
        codes.put(" " + LOGIN, "login: vCenter rejected the user name or password");
        codes.put(String.valueOf(INTERRUPTED), "interrupted (Ctrl-C); what had been created was destroyed");
        return codes;
    }
}
