package io.casework.cases.rest;

import static io.casework.cases.CaseApi.ALICE;
import static io.casework.cases.CaseApi.BOB;
import static io.casework.cases.CaseApi.CAROL;
import static io.casework.cases.CaseApi.OLGA;
import static io.casework.cases.CaseApi.SAM;
import static io.casework.cases.CaseApi.action;
import static io.casework.cases.CaseApi.file;
import static io.casework.cases.CaseApi.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.http.entity.mime.HttpMultipartMode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.casework.cases.domain.Attachment;
import io.casework.cases.storage.EncryptedFileStorage;
import io.casework.testsupport.EventContract;
import io.casework.testsupport.EventTap;
import io.casework.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

@QuarkusTest
class AttachmentResourceTest {

    /** casework.attachments.max-size in the test profile. */
    private static final int LIMIT = 64 * 1024;

    @Inject
    EncryptedFileStorage storage;

    @Test
    void uploadedTextIsStoredEncryptedAndDownloadsAsIdenticalBytesWithSafeHeaders() throws Exception {
        String id = file(ALICE, "P3");
        String before = get(ALICE, id).extract().path("updatedAt");
        byte[] text = "2026-11-21 10:00:01 relay queue deferred: 1432 messages, oldest 31 minutes\n".repeat(40)
                .getBytes(StandardCharsets.UTF_8);
        String filename = "mail log \u2014 r\u00e9sum\u00e9.txt";

        ExtractableResponse<Response> created = upload(ALICE, id, filename, text, "application/pdf").statusCode(201)
                .body("caseId", equalTo(id))
                .body("filename", equalTo(filename))
                .body("contentType", equalTo("text/plain"))
                .body("size", equalTo(text.length))
                .body("sha256", equalTo(sha256(text)))
                .body("diagnosticBundle", equalTo(false))
                .body("uploadedBy", equalTo("alice@acme.example"))
                .extract();
        String attachmentId = created.path("id");
        assertTrue(created.header("Location").endsWith(downloadPath(id, attachmentId)), created.header("Location"));

        byte[] downloaded = given().auth().oauth2(BOB).get(downloadPath(id, attachmentId)).then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .header("Content-Length", String.valueOf(text.length))
                .header("Content-Disposition", equalTo("attachment; filename=\"mail log _ r_sum_.txt\"; "
                        + "filename*=UTF-8''mail%20log%20%E2%80%94%20r%C3%A9sum%C3%A9.txt"))
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", "\"" + sha256(text) + "\"")
                .extract().asByteArray();
        assertArrayEquals(text, downloaded);

        given().auth().oauth2(ALICE).header("If-None-Match", "\"" + sha256(text) + "\"")
                .get(downloadPath(id, attachmentId)).then().statusCode(304);
        for (Path stored : storedFiles()) {
            assertFalse(contains(Files.readAllBytes(stored),
                    "relay queue deferred".getBytes(StandardCharsets.UTF_8)), "plaintext in " + stored);
        }
        get(ALICE, id).body("updatedAt", not(equalTo(before)));
        given().auth().oauth2(ALICE).get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("find { it.action == 'ATTACHMENT_ADDED' }.newValue", equalTo(filename))
                .body("find { it.action == 'ATTACHMENT_ADDED' }.actor", equalTo("alice@acme.example"));
    }

    @Test
    void contentTypeIsSniffedFromTheBytesNotTheNameOrTheClaim() throws Exception {
        String id = file(ALICE, "P3");
        byte[] png = png();
        byte[] text = "this is not an image, just text pretending\n".getBytes(StandardCharsets.UTF_8);

        upload(ALICE, id, "screenshot.bin", png, "application/octet-stream").statusCode(201)
                .body("contentType", equalTo("image/png")).body("sha256", equalTo(sha256(png)));
        String evil = upload(ALICE, id, "evil.png", text, "image/png").statusCode(201)
                .body("contentType", equalTo("text/plain")).body("filename", equalTo("evil.png"))
                .extract().path("id");

        given().auth().oauth2(ALICE).get(downloadPath(id, evil)).then().statusCode(200)
                .contentType(startsWith("text/plain")).header("X-Content-Type-Options", "nosniff");
        String pngId = given().auth().oauth2(SAM).get("/api/v1/cases/" + id + "/attachments").then().statusCode(200)
                .body("contentType", equalTo(List.of("image/png", "text/plain")))
                .extract().path("[0].id");
        byte[] image = given().auth().oauth2(SAM).get(downloadPath(id, pngId)).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertArrayEquals(png, image);
    }

    @Test
    void pathsInFileNamesAreStripped() {
        String id = file(ALICE, "P3");

        upload(ALICE, id, "../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8), "text/plain")
                .statusCode(201).body("filename", equalTo("passwd"));
    }

    @Test
    void diagnosticBundlesAreFlaggedForEveryoneWhoCanSeeTheCase() {
        String id = file(ALICE, "P2");

        given().auth().oauth2(BOB).multiPart("file", "diag.zip", zipLikeBytes(), "application/zip")
                .multiPart("diagnosticBundle", "true").multiPart("description", "Collected with casework-diag 2.1")
                .post("/api/v1/cases/" + id + "/attachments").then().statusCode(201)
                .body("diagnosticBundle", equalTo(true)).body("description", equalTo("Collected with casework-diag 2.1"));
        upload(BOB, id, "notes.txt", "plain notes".getBytes(StandardCharsets.UTF_8), "text/plain").statusCode(201);

        for (String reader : List.of(ALICE, SAM)) {
            given().auth().oauth2(reader).get("/api/v1/cases/" + id + "/attachments").then().statusCode(200)
                    .body("$", hasSize(2))
                    .body("find { it.filename == 'diag.zip' }.diagnosticBundle", equalTo(true))
                    .body("find { it.filename == 'notes.txt' }.diagnosticBundle", equalTo(false));
        }
    }

    @Test
    void anotherOrganizationsCustomerGets404AndLearnsNothing() {
        String id = file(ALICE, "P3");
        String attachmentId = upload(ALICE, id, "acme.txt", "acme internal".getBytes(StandardCharsets.UTF_8),
                "text/plain").statusCode(201).extract().path("id");

        given().auth().oauth2(CAROL).get("/api/v1/cases/" + id + "/attachments").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(CAROL).get(downloadPath(id, attachmentId)).then().statusCode(404)
                .contentType("application/problem+json").body(not(containsString("acme internal")));
        upload(CAROL, id, "globex.txt", "from globex".getBytes(StandardCharsets.UTF_8), "text/plain").statusCode(404)
                .contentType("application/problem+json");

        given().auth().oauth2(ALICE).get("/api/v1/cases/" + id + "/attachments").then().body("filename",
                equalTo(List.of("acme.txt")));
    }

    @Test
    void anAttachmentIsOnlyFoundThroughItsOwnCase() {
        String first = file(ALICE, "P3");
        String second = file(ALICE, "P3");
        String attachmentId = upload(ALICE, first, "a.txt", "first case".getBytes(StandardCharsets.UTF_8), "text/plain")
                .statusCode(201).extract().path("id");

        given().auth().oauth2(ALICE).get(downloadPath(second, attachmentId)).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ALICE).get(downloadPath(first, UUID.randomUUID().toString())).then().statusCode(404);
    }

    @Test
    void fileOverTheLimitIsRefusedWith413AndNothingIsStored() throws Exception {
        String id = file(ALICE, "P3");
        List<Path> filesBefore = storedFiles();

        upload(ALICE, id, "big.log", new byte[100 * 1024], "text/plain").statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Attachment too large"))
                .body("maxSize", equalTo(LIMIT))
                .body("detail", containsString(String.valueOf(LIMIT)));

        assertEquals(filesBefore, storedFiles());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Attachment.count("caseId", UUID.fromString(id))));
        given().auth().oauth2(ALICE).get("/api/v1/cases/" + id + "/attachments").then().body("$", hasSize(0));
        upload(ALICE, id, "exactly-the-limit.bin", new byte[LIMIT], "application/octet-stream").statusCode(201)
                .body("size", equalTo(LIMIT));
    }

    @Test
    void whenRecordingFailsAfterTheFileWasStoredTheFileIsDeleted() throws Exception {
        String id = file(ALICE, "P3");
        // A staff address longer than the 320 characters the history and metadata columns hold: the checks
        // before storing pass, the file is stored, and the recording transaction fails.
        String overlong = Tokens.of("a".repeat(320) + "@casework.example", "casework", "agent");
        List<Path> filesBefore = storedFiles();

        upload(overlong, id, "orphan.txt", "must not stay".getBytes(StandardCharsets.UTF_8), "text/plain")
                .statusCode(500);

        assertEquals(filesBefore, storedFiles());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Attachment.count("caseId", UUID.fromString(id))));
    }

    @Test
    void customerCannotAttachToAClosedCaseButStaffCan() {
        String id = file(ALICE, "P3");
        action(ALICE, id, "close", "{}").statusCode(200);

        upload(BOB, id, "late.txt", "too late".getBytes(StandardCharsets.UTF_8), "text/plain").statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Comment on it first"))
                .body("commentsPath", equalTo("/api/v1/cases/" + id + "/comments"));
        upload(SAM, id, "post-mortem.txt", "root cause".getBytes(StandardCharsets.UTF_8), "text/plain").statusCode(201);

        get(ALICE, id).body("state", equalTo("CLOSED"));
        given().auth().oauth2(ALICE).get("/api/v1/cases/" + id + "/attachments").then().body("filename",
                equalTo(List.of("post-mortem.txt")));
    }

    @Test
    void tamperedStoredFileIsNeverServed() throws Exception {
        String id = file(ALICE, "P3");
        byte[] text = "Original content that must not be altered silently.".getBytes(StandardCharsets.UTF_8);
        String attachmentId = upload(ALICE, id, "contract.txt", text, "text/plain").statusCode(201).extract().path("id");
        Attachment attachment = QuarkusTransaction.requiringNew()
                .call(() -> Attachment.<Attachment>findById(UUID.fromString(attachmentId)));
        Path stored = storage.pathOf(attachment.storageKey);
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length - 20] ^= 0x40;
        Files.write(stored, bytes);

        given().auth().oauth2(ALICE).get(downloadPath(id, attachmentId)).then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Attachment unreadable"))
                .body("attachmentId", equalTo(attachmentId))
                .body(not(containsString("altered silently")));
    }

    @Test
    void attachmentAddedEventIsPublishedKeyedByCaseAndConformsToItsSchema() throws Exception {
        String id = file(ALICE, "P2");
        byte[] png = png();
        String attachmentId = given().auth().oauth2(ALICE).multiPart("file", "screen.png", png, "image/png")
                .multiPart("diagnosticBundle", "false").post("/api/v1/cases/" + id + "/attachments")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> record = EventTap.await("casework.case-events",
                r -> id.equals(r.key()) && r.value().contains("\"io.casework.case.attachment-added\""),
                Duration.ofSeconds(20));
        JsonNode event = EventContract.assertConforms(record.value());
        JsonNode data = event.path("data");
        assertEquals(id, event.path("subject").asText());
        assertEquals(attachmentId, data.path("attachmentId").asText());
        assertEquals(id, data.path("caseId").asText());
        assertEquals("screen.png", data.path("filename").asText());
        assertEquals("image/png", data.path("contentType").asText());
        assertEquals(png.length, data.path("size").asLong());
        assertEquals(sha256(png), data.path("sha256").asText());
        assertEquals("alice@acme.example", data.path("uploadedBy").asText());
        assertEquals("acme", data.path("organization").asText());
    }

    @Test
    void malformedUploadsAreRejectedWithTheReason() {
        String id = file(ALICE, "P3");
        String path = "/api/v1/cases/" + id + "/attachments";

        given().auth().oauth2(ALICE).multiPart("description", "no file here").post(path).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("part named file"));
        given().auth().oauth2(ALICE).multiPart("file", "a.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("diagnosticBundle", "maybe").post(path).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("true or false"));
        given().auth().oauth2(ALICE).multiPart("file", "a.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("description", "d".repeat(501)).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("violations.message", hasItem("description must be at most 500 characters"));
        given().auth().oauth2(ALICE).get(path).then().body("$", hasSize(0));
    }

    @Test
    void attachmentsNeedATokenWithACaseRole() {
        String id = file(ALICE, "P3");
        String path = "/api/v1/cases/" + id + "/attachments";

        given().multiPart("file", "a.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").post(path).then()
                .statusCode(401).contentType("application/problem+json");
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(OLGA).get(path).then().statusCode(403).contentType("application/problem+json");
        upload(OLGA, id, "a.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain").statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void openApiDocumentsTheMultipartUploadAndTheDownload() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/cases/{id}/attachments'.post.requestBody.content.'multipart/form-data'.schema.properties.file.format",
                        equalTo("binary"))
                .body("paths.'/api/v1/cases/{id}/attachments'.post.responses.'413'.description", containsString("limit"))
                .body("paths.'/api/v1/cases/{id}/attachments/{attachmentId}'.get.summary", equalTo("Download an attachment"));
    }

    private static ValidatableResponse upload(String token, String caseId, String filename, byte[] content, String declaredType) {
        // As browsers do: the file name as raw UTF-8 in the part header, not RFC 2047/5987 encoded or replaced by '?'.
        RequestSpecification request = given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE)).multiPartConfig(MultiPartConfig.multiPartConfig()
                .defaultCharset(StandardCharsets.UTF_8)))
                .auth().oauth2(token).multiPart("file", filename, content, declaredType);
        return request.post("/api/v1/cases/" + caseId + "/attachments").then();
    }

    private static String downloadPath(String caseId, String attachmentId) {
        return "/api/v1/cases/" + caseId + "/attachments/" + attachmentId;
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(storage.root())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0xC0FFEE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] zipLikeBytes() {
        byte[] zip = new byte[64];
        zip[0] = 'P';
        zip[1] = 'K';
        zip[2] = 5;
        zip[3] = 6;
        return zip;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
