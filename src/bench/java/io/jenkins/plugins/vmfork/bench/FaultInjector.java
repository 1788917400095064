package io.jenkins.plugins.vmfork.bench;

import io.jenkins.plugins.vmfork.testing.Vcsim;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Injects faults into the simulator at random while a soak runs, through its control endpoint: failed fork,
 * power-on and destroy tasks, stretches of slow tasks, and expired sessions. Seeded, so a run can be repeated.
 * Far harsher than a vCenter: {@link #RATE} says how much.
 */
final class FaultInjector implements Runnable {

    /** Tasks take this long when no slow stretch is on: a vCenter's tasks are never instantaneous. */
    static final Duration BASE_TASK_DELAY = Duration.ofMillis(50);

    private static final Duration SLOW_TASK_DELAY = Duration.ofMillis(1500);

    /** For the report. */
    static final String RATE = "a draw every 50-250 ms: 30% a failed fork task, 15% a failed power-on task, 10% a "
            + "failed destroy task, 15% 1.5 s tasks until the next draw, 8% all sessions expired";

    private final Vcsim vcsim;
    private final Random random;
    private final Map<String, Integer> injected = new TreeMap<>();
    private volatile boolean stopped;

    FaultInjector(Vcsim vcsim, long seed) {
        this.vcsim = vcsim;
        this.random = new Random(seed);
    }

    @Override
    public void run() {
        vcsim.taskDelay(BASE_TASK_DELAY);
        boolean slow = false;
        while (!stopped) {
            pause(50 + random.nextInt(200));
            if (slow) {
                vcsim.taskDelay(BASE_TASK_DELAY);
                slow = false;
                continue;
            }
            int pick = random.nextInt(100);
            if (pick < 30) {
                inject("failed fork task", () -> vcsim.failNextTask("CreateForkChild_Task", "SystemError", 1));
            } else if (pick < 45) {
                inject("failed power-on task", () -> vcsim.failNextTask("PowerOnVM_Task", "SystemError", 1));
            } else if (pick < 55) {
                inject("failed destroy task", () -> vcsim.failNextTask("Destroy_Task", "SystemError", 1));
            } else if (pick < 70) {
                inject("slow tasks (1.5 s for a moment)", () -> vcsim.taskDelay(SLOW_TASK_DELAY));
                slow = true;
            } else if (pick < 78) {
                inject("expired sessions", vcsim::expireSessions);
            }
        }
    }

    /** Stops injecting and clears what is still queued; the caller waits for the thread. */
    void stop() {
        stopped = true;
    }

    synchronized Map<String, Integer> injected() {
        return new TreeMap<>(injected);
    }

    private void inject(String kind, Runnable action) {
        action.run();
        synchronized (this) {
            injected.merge(kind, 1, Integer::sum);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
