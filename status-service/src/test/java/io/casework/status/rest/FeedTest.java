package io.casework.status.rest;

import static io.casework.status.rest.StatusFixtures.publish;
import static io.casework.status.rest.StatusFixtures.update;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The feeds are parsed as namespace-aware XML and checked against what RFC 4287 and RSS 2.0 require: a reader that
 * follows the specifications can use them.
 */
@QuarkusTest
class FeedTest {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void atomFeedHasEveryElementRfc4287RequiresAndStableEntryIds() throws Exception {
        String title = "Atom <b>&</b> feed " + UUID.randomUUID();
        String id = publish(title, "cloud-drive");

        Document feed = atom("/api/v1/status/feed.atom");
        XPath xpath = xpath();
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        // atom:feed MUST contain exactly one id, title and updated; an author unless every entry has one.
        assertEquals(1.0, xpath.evaluate("count(/a:feed/a:id)", feed, XPathConstants.NUMBER));
        assertEquals(1.0, xpath.evaluate("count(/a:feed/a:title)", feed, XPathConstants.NUMBER));
        assertEquals(1.0, xpath.evaluate("count(/a:feed/a:updated)", feed, XPathConstants.NUMBER));
        assertEquals(1.0, xpath.evaluate("count(/a:feed/a:author/a:name)", feed, XPathConstants.NUMBER));
        assertTrue(xpath.evaluate("/a:feed/a:link[@rel='self']/@href", feed).endsWith("/api/v1/status/feed.atom"));
        assertRfc3339(xpath.evaluate("/a:feed/a:updated", feed));
        assertTrue(xpath.evaluate("/a:feed/a:id", feed).startsWith("tag:"));

        NodeList entries = (NodeList) xpath.evaluate("/a:feed/a:entry", feed, XPathConstants.NODESET);
        assertTrue(entries.getLength() > 0);
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            // atom:entry MUST contain exactly one id, title, updated; content or an alternate link.
            assertEquals(1.0, xpath.evaluate("count(a:id)", entry, XPathConstants.NUMBER));
            assertEquals(1.0, xpath.evaluate("count(a:title)", entry, XPathConstants.NUMBER));
            assertEquals(1.0, xpath.evaluate("count(a:updated)", entry, XPathConstants.NUMBER));
            assertRfc3339(xpath.evaluate("a:updated", entry));
            assertFalse(xpath.evaluate("a:content", entry).isBlank());
            assertTrue(xpath.evaluate("a:id", entry).matches("urn:uuid:[0-9a-f-]{36}"));
        }
        String entry = "/a:feed/a:entry[a:id='urn:uuid:%s']".formatted(id);
        assertEquals(title, xpath.evaluate(entry + "/a:title", feed));
        assertEquals("cloud-drive", xpath.evaluate(entry + "/a:category/@term", feed));
        assertTrue(xpath.evaluate(entry + "/a:content", feed).contains("Investigating cloud-drive."));
        String firstUpdated = xpath.evaluate(entry + "/a:updated", feed);

        update(id, "MONITORING", "Watching it.");
        Document after = atom("/api/v1/status/feed.atom");
        assertEquals(1.0, xpath.evaluate("count(" + entry + ")", after, XPathConstants.NUMBER), "same entry id after an update");
        assertTrue(OffsetDateTime.parse(xpath.evaluate(entry + "/a:updated", after))
                .isAfter(OffsetDateTime.parse(firstUpdated)));
        assertTrue(xpath.evaluate(entry + "/a:summary", after).startsWith("MONITORING: Watching it."));
    }

    @Test
    void productFeedsListOnlyThatProductsIncidents() throws Exception {
        String drive = publish("Drive only " + UUID.randomUUID(), "cloud-drive");
        String identity = publish("Identity only " + UUID.randomUUID(), "identity");

        Document feed = atom("/api/v1/status/products/identity/feed.atom");
        XPath xpath = xpath();
        assertEquals(1.0, xpath.evaluate("count(//a:entry[a:id='urn:uuid:%s'])".formatted(identity), feed, XPathConstants.NUMBER));
        assertEquals(0.0, xpath.evaluate("count(//a:entry[a:id='urn:uuid:%s'])".formatted(drive), feed, XPathConstants.NUMBER));
        assertEquals("Casework status: Cloud Identity", xpath.evaluate("/a:feed/a:title", feed));
        assertEquals("tag:casework.io,2026:status:product:identity", xpath.evaluate("/a:feed/a:id", feed));

        Document rss = rss("/api/v1/status/products/identity/feed.rss");
        assertEquals(1.0, xpath.evaluate("count(//item[guid='urn:uuid:%s'])".formatted(identity), rss, XPathConstants.NUMBER));
        assertEquals(0.0, xpath.evaluate("count(//item[guid='urn:uuid:%s'])".formatted(drive), rss, XPathConstants.NUMBER));

        given().get("/api/v1/status/products/tape-backup/feed.atom").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void rssFeedHasTheChannelAndItemElementsRss2Requires() throws Exception {
        String title = "RSS \"quoted\" <feed> " + UUID.randomUUID();
        String product = StatusFixtures.newProduct("Reporting");
        String id = publish(title, product);

        Document rss = rss("/api/v1/status/feed.rss");
        XPath xpath = xpath();
        assertEquals("rss", rss.getDocumentElement().getTagName());
        assertEquals("2.0", rss.getDocumentElement().getAttribute("version"));
        assertEquals(1.0, xpath.evaluate("count(/rss/channel)", rss, XPathConstants.NUMBER));
        // A channel MUST have title, link and description; an item a title or a description.
        for (String required : new String[] { "title", "link", "description" }) {
            assertFalse(xpath.evaluate("/rss/channel/" + required, rss).isBlank(), required);
        }
        DateTimeFormatter.RFC_1123_DATE_TIME.parse(xpath.evaluate("/rss/channel/lastBuildDate", rss));
        assertTrue(xpath.evaluate("/rss/channel/a:link[@rel='self']/@href", rss).endsWith("/api/v1/status/feed.rss"));
        NodeList items = (NodeList) xpath.evaluate("/rss/channel/item", rss, XPathConstants.NODESET);
        assertTrue(items.getLength() > 0);
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            assertFalse(xpath.evaluate("title", item).isBlank());
            assertEquals("false", xpath.evaluate("guid/@isPermaLink", item));
            ZonedDateTime.parse(xpath.evaluate("pubDate", item), DateTimeFormatter.RFC_1123_DATE_TIME);
        }
        String item = "/rss/channel/item[guid='urn:uuid:%s']".formatted(id);
        assertEquals(title, xpath.evaluate(item + "/title", rss));
        assertEquals("Reporting " + product, xpath.evaluate(item + "/category", rss));
        assertTrue(xpath.evaluate(item + "/link", rss).contains("/status#I-"));
        // The description is HTML, escaped once more by XML: the parsed text is HTML with the user text escaped.
        assertTrue(xpath.evaluate(item + "/description", rss).contains("Investigating " + product + "."));
    }

    @Test
    void userTextCannotBreakTheFeedMarkup() throws Exception {
        String id = publish("</title><script>alert(1)</script> " + UUID.randomUUID(), "cloud-mail");
        String body = given().get("/api/v1/status/feed.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        assertFalse(body.contains("<script>"));
        Document feed = atom("/api/v1/status/feed.atom");
        assertTrue(xpath().evaluate("//a:entry[a:id='urn:uuid:%s']/a:title".formatted(id), feed).startsWith("</title><script>"));
    }

    static Document atom(String path) throws Exception {
        byte[] body = given().get(path).then().statusCode(200).contentType(containsString("application/atom+xml"))
                .extract().asByteArray();
        return parse(body);
    }

    static Document rss(String path) throws Exception {
        byte[] body = given().get(path).then().statusCode(200).contentType(containsString("application/rss+xml"))
                .extract().asByteArray();
        return parse(body);
    }

    static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        assertNotNull(document.getDocumentElement());
        return document;
    }

    static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "a".equals(prefix) ? ATOM : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    static void assertRfc3339(String timestamp) {
        OffsetDateTime.parse(timestamp);
    }
}
