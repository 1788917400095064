package hudson.model;

/** Stand-in of a job: only the type, which the type parameters of {@link Run} name. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {}
