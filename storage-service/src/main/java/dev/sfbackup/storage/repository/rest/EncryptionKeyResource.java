package dev.sfbackup.storage.repository.rest;

import dev.sfbackup.api.security.ResealReport;
import dev.sfbackup.security.EveryOrg;
import dev.sfbackup.security.Roles;
import dev.sfbackup.security.audit.Audited;
import dev.sfbackup.storage.repository.service.EncryptionKeyReseal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Key rotation (README, "Rotating the encryption key"): re-seals S3 secrets and repository keys with the current key. */
@Path("/api/v1/encryption-key")
public class EncryptionKeyResource {

    private final EncryptionKeyReseal reseal;

    public EncryptionKeyResource(EncryptionKeyReseal reseal) {
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
