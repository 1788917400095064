package io.jenkins.plugins.vmfork.steps;

/**
 * The verdict on one configuration field, without Jenkins types: the forms turn it into a {@code FormValidation},
 * the setters into an exception.
 *
 * @param level how bad it is
 * @param message what is wrong and what to do, or null when there is nothing to say
 */
record FieldCheck(Level level, String message) {

    /** How bad a verdict is. */
    enum Level {
        OK,
        WARNING,
        ERROR
    }

    static FieldCheck ok() {
        return new FieldCheck(Level.OK, null);
    }

    static FieldCheck ok(String message) {
        return new FieldCheck(Level.OK, message);
    }

    static FieldCheck warning(String message) {
        return new FieldCheck(Level.WARNING, message);
    }

    static FieldCheck error(String message) {
        return new FieldCheck(Level.ERROR, message);
    }

    boolean isError() {
        return level == Level.ERROR;
    }
}
