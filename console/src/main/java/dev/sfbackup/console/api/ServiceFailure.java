package dev.sfbackup.console.api;

/** A service refused or failed a call: its status and problem, shown to the user as they are. */
public class ServiceFailure extends RuntimeException {

    private final Service service;
    private final Problem problem;

    public ServiceFailure(Service service, Problem problem) {
        super(service.name().toLowerCase() + "-service answered " + problem.status() + ": " + problem.summary());
        this.service = service;
        this.problem = problem;
    }

    public Service service() {
        return service;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
