package io.jenkins.plugins.vmfork.fork;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps what it hears, for tests. */
final class Recorder implements ForkListener {

    final List<ForkEvent> events = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void progress(ForkEvent event) {
        events.add(event);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    List<String> warnings() {
        return warnings;
    }

    List<String> lines() {
        return events.stream().map(ForkEvent::line).toList();
    }
}
