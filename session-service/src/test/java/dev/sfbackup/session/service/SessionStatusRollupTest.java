package dev.sfbackup.session.service;

import static dev.sfbackup.api.session.TaskStatus.ERROR;
import static dev.sfbackup.api.session.TaskStatus.PENDING;
import static dev.sfbackup.api.session.TaskStatus.RUNNING;
import static dev.sfbackup.api.session.TaskStatus.SUCCESS;
import static dev.sfbackup.api.session.TaskStatus.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.session.SessionStatus;
import dev.sfbackup.api.session.TaskStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SessionStatusRollupTest {

    @Test
    void sessionSucceedsWhenAllTasksSucceedOrWarn() {
        assertEquals(SessionStatus.SUCCESS, session(List.of(SUCCESS, SUCCESS), false, false));
        assertEquals(SessionStatus.SUCCESS, session(List.of(SUCCESS, WARNING), false, false));
        assertEquals(SessionStatus.SUCCESS, session(List.of(WARNING, WARNING), false, false));
    }

    @Test
    void sessionWarnsWhenSomeButNotAllTasksEndedWithErrors() {
        assertEquals(SessionStatus.WARNING, session(List.of(SUCCESS, ERROR), false, false));
        assertEquals(SessionStatus.WARNING, session(List.of(WARNING, ERROR, ERROR), false, false));
    }

    @Test
    void aTaskThatWarnedBecauseSomeOfItsItemsFailedMakesTheSessionWarnNotFail() {
        assertEquals(SessionStatus.WARNING, session(List.of(WARNING, SUCCESS), 1, false, false));
        assertEquals(SessionStatus.WARNING, session(List.of(WARNING), 1, false, false));
        assertEquals(SessionStatus.WARNING, session(List.of(WARNING, ERROR), 1, false, false));
        assertEquals(SessionStatus.FAILED, session(List.of(ERROR, ERROR), 0, false, false));
        assertEquals(SessionStatus.STOPPED, session(List.of(WARNING, PENDING), 1, true, false));
        assertEquals(SessionStatus.RUNNING, session(List.of(WARNING, RUNNING), 1, false, false));
    }

    @Test
    void sessionFailsWhenAllTasksEndedWithErrors() {
        assertEquals(SessionStatus.FAILED, session(List.of(ERROR), false, false));
        assertEquals(SessionStatus.FAILED, session(List.of(ERROR, ERROR), false, false));
    }

    @Test
    void sessionFailsOnACriticalErrorWhateverItsTasks() {
        for (List<TaskStatus> tasks : everyPairOfTaskStatuses()) {
            assertEquals(SessionStatus.FAILED, session(tasks, false, true), tasks.toString());
            assertEquals(SessionStatus.FAILED, session(tasks, true, true), tasks.toString());
        }
    }

    @Test
    void stoppedSessionWaitsForInFlightTasksThenIsStopped() {
        assertEquals(SessionStatus.RUNNING, session(List.of(RUNNING, PENDING), true, false));
        assertEquals(SessionStatus.STOPPED, session(List.of(SUCCESS, PENDING), true, false));
        assertEquals(SessionStatus.STOPPED, session(List.of(ERROR, ERROR), true, false));
    }

    @Test
    void sessionIsPendingUntilATaskStartsAndRunningUntilAllFinish() {
        assertEquals(SessionStatus.PENDING, session(List.of(PENDING, PENDING), false, false));
        assertEquals(SessionStatus.RUNNING, session(List.of(SUCCESS, PENDING), false, false));
        assertEquals(SessionStatus.RUNNING, session(List.of(ERROR, RUNNING), false, false));
    }

    @Test
    void sessionWithoutTasksSucceeds() {
        assertEquals(SessionStatus.SUCCESS, session(List.of(), false, false));
    }

    @Test
    void everyCombinationOfTwoTasksFollowsTheRules() {
        for (List<TaskStatus> tasks : everyPairOfTaskStatuses()) {
            SessionStatus status = session(tasks, false, false);
            SessionStatus expected;
            if (tasks.contains(RUNNING) || (tasks.contains(PENDING) && !tasks.stream().allMatch(t -> t == PENDING))) {
                expected = SessionStatus.RUNNING;
            } else if (tasks.stream().allMatch(t -> t == PENDING)) {
                expected = SessionStatus.PENDING;
            } else if (tasks.stream().allMatch(t -> t == ERROR)) {
                expected = SessionStatus.FAILED;
            } else if (tasks.contains(ERROR)) {
                expected = SessionStatus.WARNING;
            } else {
                expected = SessionStatus.SUCCESS;
            }
            assertEquals(expected, status, tasks.toString());
        }
    }

    @Test
    void runShowsTheWorstFinishedStatusOfItsSessions() {
        assertEquals(SessionStatus.SUCCESS, SessionStatusRollup.run(List.of(SessionStatus.SUCCESS, SessionStatus.SUCCESS)));
        assertEquals(SessionStatus.WARNING, SessionStatusRollup.run(List.of(SessionStatus.SUCCESS, SessionStatus.WARNING)));
        assertEquals(SessionStatus.STOPPED, SessionStatusRollup.run(List.of(SessionStatus.WARNING, SessionStatus.STOPPED)));
        assertEquals(SessionStatus.FAILED, SessionStatusRollup.run(List.of(SessionStatus.STOPPED, SessionStatus.FAILED)));
        assertEquals(SessionStatus.FAILED, SessionStatusRollup.run(List.of(SessionStatus.SUCCESS, SessionStatus.FAILED, SessionStatus.WARNING)));
    }

    @Test
    void runIsActiveWhileAnySessionIsActive() {
        assertEquals(SessionStatus.PENDING, SessionStatusRollup.run(List.of(SessionStatus.PENDING, SessionStatus.PENDING)));
        assertEquals(SessionStatus.RUNNING, SessionStatusRollup.run(List.of(SessionStatus.PENDING, SessionStatus.FAILED)));
        assertEquals(SessionStatus.RUNNING, SessionStatusRollup.run(List.of(SessionStatus.RUNNING, SessionStatus.SUCCESS)));
    }

    @Test
    void runOfEveryPairOfFinishedSessionsIsTheWorse() {
        List<SessionStatus> severity = List.of(SessionStatus.SUCCESS, SessionStatus.WARNING, SessionStatus.STOPPED, SessionStatus.FAILED);
        for (SessionStatus a : severity) {
            for (SessionStatus b : severity) {
                SessionStatus worse = severity.indexOf(a) >= severity.indexOf(b) ? a : b;
                assertEquals(worse, SessionStatusRollup.run(List.of(a, b)), a + "+" + b);
            }
        }
    }

    private static List<List<TaskStatus>> everyPairOfTaskStatuses() {
        List<List<TaskStatus>> pairs = new ArrayList<>();
        for (TaskStatus a : EnumSet.allOf(TaskStatus.class)) {
            pairs.add(List.of(a));
            for (TaskStatus b : EnumSet.allOf(TaskStatus.class)) {
                pairs.add(List.of(a, b));
            }
        }
        return pairs;
    }

    private static SessionStatus session(List<TaskStatus> tasks, boolean stopRequested, boolean criticalFailure) {
        return session(tasks, 0, stopRequested, criticalFailure);
    }

    private static SessionStatus session(List<TaskStatus> tasks, long partial, boolean stopRequested, boolean criticalFailure) {
        Map<TaskStatus, Long> byStatus = tasks.stream().collect(Collectors.groupingBy(status -> status,
                () -> new EnumMap<>(TaskStatus.class), Collectors.counting()));
        return SessionStatusRollup.session(byStatus, partial, stopRequested, criticalFailure);
    }
}
