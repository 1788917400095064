package hudson.model;

/** Stand-in of an item at the top of Jenkins or of a folder, such as a job. */
public interface TopLevelItem extends Item {}
