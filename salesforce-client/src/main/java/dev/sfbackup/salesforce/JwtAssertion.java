package dev.sfbackup.salesforce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** An RS256-signed JWT (header {@code {"alg":"RS256"}}, claims iss/sub/aud/exp) as Salesforce's JWT bearer flow wants. */
public final class JwtAssertion {

    /** Salesforce accepts assertions whose exp lies at most 3 minutes ahead. */
    static final Duration LIFETIME = Duration.ofMinutes(3);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final String subject;
    private final String audience;
    private final PrivateKey key;

    public JwtAssertion(String issuer, String subject, String audience, PrivateKey key) {
        this.issuer = issuer;
        this.subject = subject;
        this.audience = audience;
        this.key = key;
    }

    /** header.claims.signature, each base64url without padding. */
    public String sign(Instant now) {
        String header = encode("{\"alg\":\"RS256\"}");
        String claims = encode("{\"iss\":" + quote(issuer) + ",\"sub\":" + quote(subject) + ",\"aud\":" + quote(audience)
                + ",\"exp\":" + now.plus(LIFETIME).getEpochSecond() + "}");
        String signingInput = header + "." + claims;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the JWT assertion with the given RSA key", e);
        }
    }

    /** Reads an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) RSA key. */
    public static PrivateKey rsaPrivateKeyFromPem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey must be an unencrypted PKCS#8 PEM RSA key (BEGIN PRIVATE KEY)", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
