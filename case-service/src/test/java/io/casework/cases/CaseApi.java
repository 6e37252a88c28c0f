package io.casework.cases;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.casework.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The demo identities as real signed tokens, and short-hands for the case API in tests. */
public final class CaseApi {

    public static final String ALICE = Tokens.of("alice@acme.example", "acme", "customer", "customer-admin");
    public static final String BOB = Tokens.of("bob@acme.example", "acme", "customer");
    public static final String CAROL = Tokens.of("carol@globex.example", "globex", "customer");
    public static final String RITA = Tokens.of("rita@resellco.example", "resellco", "partner");
    public static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    public static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    public static final String ROOT = Tokens.of("root@casework.example", "casework", "admin");

    private CaseApi() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Files a case as {@code token} (for acme when staff/partner) and returns its id. */
    public static String file(String token, String priority) {
        return file(token, priority, "Cloud Mail", "Mail delivery delayed " + UUID.randomUUID());
    }

    public static String file(String token, String priority, String product, String subject) {
        return as(token).body("""
                {"organization": "acme", "product": "%s", "subject": "%s",
                 "description": "Every outgoing message waits 30 minutes.", "priority": "%s"}
                """.formatted(product, subject, priority))
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).get("/api/v1/cases/" + id).then();
    }

    public static String etag(String token, String id) {
        return get(token, id).statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse action(String token, String id, String action, String body) {
        return as(token).body(body).post("/api/v1/cases/" + id + "/" + action).then();
    }

    public static ValidatableResponse comment(String token, String id, String body, String visibility) {
        return as(token).body("{\"body\": \"%s\", \"visibility\": \"%s\"}".formatted(body, visibility))
                .post("/api/v1/cases/" + id + "/comments").then();
    }

    /** Creates a fresh organization (as a Casework admin) with one admin user; returns that user's token. */
    public static String newOrganization(String id, String reseller, String contractEnd) {
        as(ROOT).body("""
                {"id": "%s", "name": "Org %s", "domains": ["%s.example"], "planId": "premier", "region": "emea",
                 "contractEnd": "%s" %s}""".formatted(id, id, id, contractEnd,
                reseller == null ? "" : ", \"reseller\": \"" + reseller + "\""))
                .post("/api/v1/organizations").then().statusCode(201);
        as(ROOT).body("{\"role\": \"ADMIN\"}").put("/api/v1/organizations/" + id + "/access/boss@" + id + ".example")
                .then().statusCode(200);
        return Tokens.of("boss@" + id + ".example", id, "customer", "customer-admin");
    }
}
