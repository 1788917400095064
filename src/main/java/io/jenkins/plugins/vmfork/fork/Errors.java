package io.jenkins.plugins.vmfork.fork;

import io.jenkins.plugins.vmfork.vsphere.VimException;
import java.util.function.Supplier;

/** Carries failures of the vsphere layer over into the fork API's one exception type. */
final class Errors {

    private Errors() {}

    static VmforkException of(VimException e) {
        String message = e.getMessage();
        String interrupted = "Interrupted while ";
        if (message != null && message.startsWith(interrupted)) {
            message = interrupted + lowerFirstWord(message.substring(interrupted.length()));
        }
        return new VmforkException(VmforkException.Kind.valueOf(e.kind().name()), e.fault(), message, e);
    }

    /**
     * "Powering on X" also starts a sentence ("Powering on X failed"); after "Interrupted while" its first word is
     * lower case. A name such as VM keeps its capitals.
     */
    private static String lowerFirstWord(String what) {
        boolean word =
                what.length() > 1 && Character.isUpperCase(what.charAt(0)) && Character.isLowerCase(what.charAt(1));
        return word ? Character.toLowerCase(what.charAt(0)) + what.substring(1) : what;
    }

    /** Runs a step; a {@link VimException} leaves it as a {@link VmforkException}. */
    static <T> T translated(Supplier<T> step) {
        try {
            return step.get();
        } catch (VimException e) {
            throw of(e);
        }
    }

    static VmforkException usage(String message) {
        return new VmforkException(VmforkException.Kind.USAGE, null, message);
    }

    static VmforkException refused(String message) {
        return new VmforkException(VmforkException.Kind.REFUSED, null, message);
    }

    static VmforkException timeout(String message) {
        return new VmforkException(VmforkException.Kind.TIMEOUT, null, message);
    }

    static VmforkException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new VmforkException(VmforkException.Kind.INTERRUPTED, null, "Interrupted while " + lowerFirstWord(what));
    }

    /** Throws INTERRUPTED when the thread has been interrupted, keeping the interrupt flag. */
    static void checkInterrupt(String what) {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(what);
        }
    }
}
