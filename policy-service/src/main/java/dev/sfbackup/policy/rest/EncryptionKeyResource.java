package dev.sfbackup.policy.rest;

import dev.sfbackup.api.security.ResealReport;
import dev.sfbackup.policy.service.ConnectionSecretsReseal;
import dev.sfbackup.security.EveryOrg;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Key rotation (README, "Rotating the encryption key"): re-seals every connection secret with the current key. */
@Path("/api/v1/encryption-key")
public class EncryptionKeyResource {

    private final ConnectionSecretsReseal reseal;

    public EncryptionKeyResource(ConnectionSecretsReseal reseal) {
        this.reseal = reseal;
    }

    @POST
    @Path("reseal")
    @RolesAllowed(Roles.ADMIN)
    @EveryOrg
    @Audited("encryption-key.reseal")
    public ResealReport reseal() {
        return reseal.reseal();
    }
}
