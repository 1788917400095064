package io.jenkins.plugins.vmfork.fork;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a parent is quiesced from inside its guest: optional commands first (each waited for), then the quiesce
 * command (not waited for: the guest freezes), each bounded by a deadline.
 *
 * @param command the quiesce command, or null for the mode's default ({@link #VMFORK_COMMAND} or
 *     {@link #INSTANT_CLONE_COMMAND})
 * @param commandsBefore commands run one after the other before quiescing; each must exit 0
 * @param guestReadyTimeout how long to wait until the guest accepts operations (VMware Tools running)
 * @param quiesceTimeout how long to wait until vCenter reports the parent quiesced (or frozen)
 */
public record QuiesceOptions(
        String command, List<String> commandsBefore, Duration guestReadyTimeout, Duration quiesceTimeout) {

    /** The default quiesce command for VMFork; -1 -1 keeps the guest's network settings. */
    public static final String VMFORK_COMMAND = "vmtoolsd --cmd \"vmfork-begin -1 -1\"";

    /** The default freeze command for Instant Clone. */
    public static final String INSTANT_CLONE_COMMAND = "vmtoolsd --cmd \"instantclone.freeze\"";

    public QuiesceOptions {
        command = command == null || command.isBlank() ? null : command;
        commandsBefore = List.copyOf(Objects.requireNonNullElse(commandsBefore, List.of()));
        guestReadyTimeout = Objects.requireNonNullElse(guestReadyTimeout, Duration.ofMinutes(5));
        quiesceTimeout = Objects.requireNonNullElse(quiesceTimeout, Duration.ofMinutes(5));
    }

    /** The default command and deadlines of five minutes each. */
    public static QuiesceOptions defaults() {
        return new QuiesceOptions(null, null, null, null);
    }

    /** The same options with another quiesce command. */
    public QuiesceOptions withCommand(String newCommand) {
        return new QuiesceOptions(newCommand, commandsBefore, guestReadyTimeout, quiesceTimeout);
    }

    /** The same options with commands to run before quiescing. */
    public QuiesceOptions withCommandsBefore(List<String> commands) {
        return new QuiesceOptions(command, commands, guestReadyTimeout, quiesceTimeout);
    }

    /** The same options with other deadlines. */
    public QuiesceOptions withTimeouts(Duration guestReady, Duration quiesce) {
        return new QuiesceOptions(command, commandsBefore, guestReady, quiesce);
    }
}
