package dev.sfbackup.policy.service;

import dev.sfbackup.common.problem.ApiProblem;
import dev.sfbackup.common.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Collects every rejected field of a request, so one 400 answer names them all. */
final class FieldErrors {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ApiProblem(400, "Bad Request", detail, errors);
        }
    }
}
