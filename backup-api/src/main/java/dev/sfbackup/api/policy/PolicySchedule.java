package dev.sfbackup.api.policy;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * When a policy fires: a Quartz cron with seconds ("0 0 2 * * ?" is 02:00 every day) read in timeZone (an IANA zone id,
 * default "UTC"). A policy without schedule runs only when started by hand.
 */
@RegisterForReflection
public record PolicySchedule(String cron, String timeZone) {
}
