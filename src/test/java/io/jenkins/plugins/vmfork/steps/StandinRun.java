package io.jenkins.plugins.vmfork.steps;

import java.io.IOException;

/**
 * A test double of a build: its id {@code job#number} and whether it still runs. Relies on the stand-in's constructor
 * of Run doing nothing; not compiled under the jenkins-repo profile.
 */
@SuppressWarnings("rawtypes")
final class StandinRun extends hudson.model.Run {

    private final String job;
    private final int number;
    private volatile boolean building = true;

    @SuppressWarnings("unchecked")
    StandinRun(String job, int number) throws IOException {
        super(null);
        this.job = job;
        this.number = number;
    }

    @Override
    public String getExternalizableId() {
        return job + "#" + number;
    }

    @Override
    public int getNumber() {
        return number;
    }

    @Override
    public boolean isBuilding() {
        return building;
    }

    /** The build ends (its result does not matter to vmfork). */
    void finish() {
        building = false;
    }
}
