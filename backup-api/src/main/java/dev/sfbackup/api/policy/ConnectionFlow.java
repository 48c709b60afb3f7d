package dev.sfbackup.api.policy;

/** The OAuth flow a connection uses to obtain an access token from the org. */
public enum ConnectionFlow {
    /** client id + client secret */
    CLIENT_CREDENTIALS,
    /** client id + username + RSA private key (PKCS#8 PEM) signing a JWT assertion */
    JWT_BEARER
}
