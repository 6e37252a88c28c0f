package io.casework.e2e;

import static io.restassured.RestAssured.given;

/** Where the running stack is, and tokens from its Keycloak. Hosts are overridable for another machine. */
final class Stack {

    static final String GATEWAY = env("CASEWORK_GATEWAY", "http://localhost:8080");
    static final String KEYCLOAK = env("CASEWORK_KEYCLOAK", "http://localhost:8180");
    static final String MAIL_API = env("CASEWORK_MAIL_API", "http://127.0.0.1:8025");

    private Stack() {
    }

    /** An access token of a demo user (password grant on the public client casework-cli). */
    static String token(String email) {
        return given().formParam("grant_type", "password").formParam("client_id", "casework-cli")
                .formParam("username", email).formParam("password", "demo")
                .post(KEYCLOAK + "/realms/casework/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** An access token of a confidential client (client credentials). */
    static String clientToken(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(KEYCLOAK + "/realms/casework/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
