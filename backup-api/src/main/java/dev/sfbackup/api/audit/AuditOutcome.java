package dev.sfbackup.api.audit;

/**
 * How an audited request ended: SUCCESS (2xx/3xx), FAILED (refused as invalid or failed: 4xx other than 401/403, 5xx),
 * DENIED (signed in, but the role or the token's orgs do not allow it: 403), UNAUTHENTICATED (no valid token: 401).
 */
public enum AuditOutcome {
    SUCCESS, FAILED, DENIED, UNAUTHENTICATED
}
