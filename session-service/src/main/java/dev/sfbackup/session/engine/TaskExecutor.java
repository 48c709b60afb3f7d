package dev.sfbackup.session.engine;

/**
 * Runs the tasks of one kind. Each implementation is an {@code @ApplicationScoped} bean; the engine finds them all at
 * startup and claims only tasks whose kind one of them runs. See session-service/ENGINE.md for how a kind plugs in.
 */
public interface TaskExecutor {

    /** The kind this executor runs, as planned into the task's {@code kind} column (e.g. {@code BACKUP_DATA}). */
    String kind();

    /**
     * Runs a claimed task to its end and says how it ended. It records progress through the context (which answers
     * when the task must stop), keeps its own state in its own table, and may throw: {@link TaskInterrupted} for a
     * stop, or any failure, which the engine turns into an ERROR outcome naming it. A resumed task (attempt above 1)
     * finds what its earlier attempt committed in that state.
     */
    TaskOutcome execute(ClaimedTask task, TaskContext context);

    /**
     * Whether an ERROR of this kind ends its whole session FAILED at once: a step the session cannot do without (a
     * session's restore-point step), as opposed to one object among many.
     */
    default boolean errorFailsSession() {
        return false;
    }
}
