package dev.sfbackup.emulator.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The token endpoint's answer; Salesforce sends no expires_in. */
@RegisterForReflection
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        String signature,
        String scope,
        @JsonProperty("instance_url") String instanceUrl,
        String id,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("issued_at") String issuedAt) {
}
