package io.jenkins.plugins.vmfork.cli;

import io.jenkins.plugins.vmfork.fork.ForkMode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --mode auto|vmfork|instant-clone} and lists those values for --help. */
final class Modes implements ITypeConverter<ForkMode>, Iterable<String> {

    /** The help of every --mode option that picks how children are forked. */
    static final String HELP =
            "auto (VMFork below vSphere 6.7, Instant Clone from 6.7), vmfork (6.0 to 6.7) or instant-clone "
                    + "(6.7+); default: ${DEFAULT-VALUE}";

    private static final List<String> NAMES = List.of("auto", "vmfork", "instant-clone");

    @Override
    public ForkMode convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (text) {
            case "auto" -> ForkMode.AUTO;
            case "vmfork" -> ForkMode.VMFORK;
            case "instant-clone", "instantclone" -> ForkMode.INSTANT_CLONE;
            default ->
                throw new TypeConversionException(
                        "'" + value + "' is not a mode: use auto, vmfork or " + "instant-clone");
        };
    }

    /** The mode as it is written on the command line. */
    static String name(ForkMode mode) {
        return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Iterator<String> iterator() {
        return NAMES.iterator();
    }
}
