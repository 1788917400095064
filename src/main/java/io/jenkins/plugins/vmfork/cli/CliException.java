package io.jenkins.plugins.vmfork.cli;

/** A failure of the command line itself (not of vCenter): printed as one line, ending with the given exit code. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A failure that has been told to the user already: only its exit code is left to give. */
    static CliException reported(int exitCode) {
        return new CliException(exitCode, null);
    }

    int exitCode() {
        return exitCode;
    }
}
