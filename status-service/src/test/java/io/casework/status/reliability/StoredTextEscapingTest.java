package io.casework.status.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.casework.testsupport.Tokens;
import io.casework.testsupport.fuzz.HostileInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Incident text is markup nowhere it is published: each injection payload ({@code <script>}, {@code ]]>}, Qute and
 * EL expressions, a DOCTYPE with an external entity...) comes back as the same text from the Atom and RSS feeds
 * (which stay well-formed XML), the JSON feed and the status page, and never as markup or an evaluated expression.
 */
@QuarkusTest
class StoredTextEscapingTest {

    static final String OLGA = Tokens.of("olga@casework.example", "casework", "status-publisher", "ops");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void injectedIncidentTextIsPublishedAsTextEverywhere() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        List<String> titles = new ArrayList<>();
        for (String payload : HostileInput.MARKUP_INJECTIONS) {
            String title = marker + " " + payload;
            titles.add(title);
            given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                    .body(JSON.createObjectNode().put("title", title).put("severity", "LOW")
                            .put("message", payload + " in the message").put("summary", payload)
                            .<com.fasterxml.jackson.databind.node.ObjectNode>set("affectedProducts",
                                    JSON.createArrayNode().add("cloud-mail"))
                            .set("regions", JSON.createArrayNode().add("EMEA")))
                    .post("/api/v1/status/incidents").then().statusCode(201);
        }

        for (String feed : List.of("/api/v1/status/feed.atom", "/api/v1/status/feed.rss",
                "/api/v1/status/products/cloud-mail/feed.atom", "/api/v1/status/products/cloud-mail/feed.rss")) {
            byte[] body = given().get(feed).then().statusCode(200).extract().asByteArray();
            Document xml = parse(body); // throws if ]]> or a stray tag broke the document
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate("//*[local-name()='title' and starts-with(., '" + marker + "')]", xml, XPathConstants.NODESET);
            List<String> published = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                published.add(nodes.item(i).getTextContent());
            }
            assertTrue(published.containsAll(titles), feed + " titles: " + published);
            assertNoMarkup(new String(body, StandardCharsets.UTF_8), feed);
        }

        JsonNode incidents = JSON.readTree(given().get("/api/v1/status/summary.json").then().statusCode(200)
                .extract().asByteArray());
        List<String> jsonTitles = new ArrayList<>();
        incidents.path("incidents").forEach(i -> i.properties().forEach(field -> jsonTitles.add(field.getValue().asText())));
        assertTrue(jsonTitles.containsAll(titles), "JSON feed titles: " + jsonTitles);

        String page = given().accept("text/html").get("/status").then().statusCode(200).extract().asString();
        assertNoMarkup(page, "status page");
        assertTrue(page.contains(marker + " &lt;script&gt;alert(") || page.contains(marker + " &lt;script&gt;alert&#40;"),
                "the script payload shows as text on the page");
        assertTrue(page.contains("{{7*7}}") && page.contains("${7*7}"), "template expressions are shown, not evaluated");
        assertFalse(page.contains(marker + " 49"), "no expression was evaluated");
    }

    private static void assertNoMarkup(String body, String where) {
        for (String raw : List.of("<script>alert", "<img src=x", "<injected>", "</title></head>", "<body onload",
                "<!DOCTYPE x", "<!ENTITY", "<!-- comment -->")) {
            assertFalse(body.contains(raw), where + " contains raw markup " + raw);
        }
    }

    private static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }
}
