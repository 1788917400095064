package hudson.model;

/** Stand-in of Jenkins' build queue; only the type of what is queued. */
public class Queue {

    private Queue() {}

    /** Something that can be queued and run, such as a job; it runs as an authentication of its own. */
    public interface Task {}
}
