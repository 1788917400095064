package hudson.model;

import java.io.PrintStream;

/** Stand-in of where a build or a background task writes its log. */
public interface TaskListener {

    PrintStream getLogger();
}
