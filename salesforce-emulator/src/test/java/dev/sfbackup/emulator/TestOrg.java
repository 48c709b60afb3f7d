package dev.sfbackup.emulator;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Test-side access to the emulated org: a fresh org, a bearer token and requests that carry it. */
final class TestOrg {

    static final String DATA = "/services/data/v62.0";

    private TestOrg() {
    }

    static void reset(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/emulator/admin/reset").then().statusCode(200);
        given().delete("/emulator/admin/faults").then().statusCode(204);
    }

    static String token() {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "demo-client").formParam("client_secret", "demo-secret")
                .post("/services/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + token());
    }
}
