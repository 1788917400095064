package hudson.model;

import hudson.ExtensionPoint;

/** Stand-in of work that Jenkins runs on a timer, registered with {@link hudson.Extension}. */
public abstract class PeriodicWork implements ExtensionPoint {

    protected static final long MIN = 1000 * 60;

    public abstract long getRecurrencePeriod();

    public long getInitialDelay() {
        throw new UnsupportedOperationException("stand-in");
    }
}
