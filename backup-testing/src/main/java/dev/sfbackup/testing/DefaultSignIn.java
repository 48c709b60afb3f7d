package dev.sfbackup.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Signs every @QuarkusTest request in as {@link TestTokens#superuser()} unless the request says otherwise
 * ({@code given().auth().oauth2(...)} or {@code given().auth().none()}), so tests about behaviour need no token code
 * and tests about access choose their identity explicitly. Registered in META-INF/services.
 */
public class DefaultSignIn implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.oauth2(TestTokens.superuser());
    }
}
