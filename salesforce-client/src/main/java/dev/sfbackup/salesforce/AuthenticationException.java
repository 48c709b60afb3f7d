package dev.sfbackup.salesforce;

/**
 * The token endpoint refused the credentials ({@code {"error":"invalid_client"|"invalid_grant","error_description":…}}).
 * Permanent: retrying with the same credentials cannot succeed.
 */
public class AuthenticationException extends SalesforceException {

    public AuthenticationException(int httpStatus, String error, String description) {
        super(httpStatus, error, description, false);
    }
}
