package io.casework.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CalendarResourceTest {

    static final String BOB = Tokens.of("bob@acme.example", "acme", "customer");
    static final String SAM = Tokens.of("sam@casework.example", "casework", "agent");
    static final String ADMIN = Tokens.of("ada@casework.example", "casework", "admin");

    @Test
    void listsTheRegionsWithTheirHours() {
        given().auth().oauth2(BOB).get("/api/v1/sla/calendars").then().statusCode(200)
                .body("id", hasItems("apj", "israel", "emea", "americas", "24x7"))
                .body("find { it.id == 'israel' }.workingDays",
                        equalTo(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "SUNDAY")))
                .body("find { it.id == 'americas' }.businessDay", equalTo("PT9H30M"))
                .body("find { it.id == 'americas' }.timeZone", equalTo("America/New_York"));
    }

    @Test
    void americasHolidaysOf2020AreSeed003sList() {
        given().auth().oauth2(BOB).queryParam("year", 2020).get("/api/v1/sla/calendars/americas/holidays")
                .then().statusCode(200)
                .body("", hasSize(14))
                .body("find { it.date == '2020-09-18' }.name", equalTo("Rosh Hashanah"))
                .body("find { it.date == '2020-09-18' }.source", equalTo("COMPANY"))
                .body("find { it.date == '2020-07-03' }.source", equalTo("NATIONAL"));
    }

    @Test
    void deadlineSkipsTheObservedHolidayAndTheWeekendAndExplainsWhy() {
        given().auth().oauth2(BOB)
                .queryParam("start", "2020-07-02T20:30:00Z").queryParam("duration", "PT2H").queryParam("explain", true)
                .get("/api/v1/sla/calendars/americas/deadline").then().statusCode(200)
                .body("deadline", equalTo("2020-07-06T13:00:00Z"))
                .body("explanation.kind", equalTo(List.of("OPEN", "CLOSED_HOURS", "HOLIDAY", "WEEKEND", "CLOSED_HOURS", "OPEN")))
                .body("explanation[2].name", equalTo("Independence Day"))
                .body("explanation[2].from", equalTo("2020-07-03T00:00:00-04:00"))
                .body("explanation[0].length", equalTo("PT1H"));
        given().auth().oauth2(BOB).queryParam("start", "2020-07-02T20:30:00Z").queryParam("duration", "PT2H")
                .get("/api/v1/sla/calendars/americas/deadline").then().statusCode(200)
                .body("explanation", equalTo(null));
    }

    @Test
    void businessTimeIsTheInverseOfTheDeadline() {
        given().auth().oauth2(BOB)
                .queryParam("from", "2020-07-02T20:30:00Z").queryParam("to", "2020-07-06T13:00:00Z")
                .get("/api/v1/sla/calendars/americas/business-time").then().statusCode(200)
                .body("duration", equalTo("PT2H"));
        // A business day of Israel's Sunday-to-Thursday week: Thursday 09:00 + P1D ends Thursday 18:00.
        given().auth().oauth2(BOB).queryParam("start", "2026-01-08T07:00:00Z").queryParam("duration", "P1D")
                .get("/api/v1/sla/calendars/israel/deadline").then().statusCode(200)
                .body("deadline", equalTo("2026-01-08T16:00:00Z"));
    }

    @Test
    void badInputIsA400ProblemAndUnknownCalendarA404() {
        given().auth().oauth2(BOB).queryParam("start", "yesterday").queryParam("duration", "PT2H")
                .get("/api/v1/sla/calendars/americas/deadline").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("start"));
        given().auth().oauth2(BOB).queryParam("start", "2026-01-08T07:00:00Z").queryParam("duration", "P1W")
                .get("/api/v1/sla/calendars/americas/deadline").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(BOB).queryParam("start", "1990-01-08T07:00:00Z").queryParam("duration", "PT1H")
                .get("/api/v1/sla/calendars/americas/deadline").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(BOB).queryParam("from", "2026-01-09T07:00:00Z").queryParam("to", "2026-01-08T07:00:00Z")
                .get("/api/v1/sla/calendars/americas/business-time").then().statusCode(400);
        given().auth().oauth2(BOB).queryParam("start", "2026-01-08T07:00:00Z").queryParam("duration", "PT1H")
                .get("/api/v1/sla/calendars/mars/deadline").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void adminsOverrideDatesAndDeadlinesFollow() {
        // Monday 22 November 2027, a day off; Tuesday a half day 08:00–12:00 EST.
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\": \"CLOSED\", \"reason\": \"Office move\"}")
                .put("/api/v1/sla/calendars/emea/overrides/2027-11-22").then().statusCode(200)
                .body("kind", equalTo("CLOSED")).body("source", equalTo("OVERRIDE"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\": \"SHORTENED\", \"opens\": \"08:00\", \"closes\": \"12:00\"}")
                .put("/api/v1/sla/calendars/emea/overrides/2027-11-23").then().statusCode(200);
        given().auth().oauth2(BOB).queryParam("start", "2027-11-22T08:00:00Z").queryParam("duration", "PT5H")
                .get("/api/v1/sla/calendars/emea/deadline").then().statusCode(200)
                .body("deadline", equalTo("2027-11-24T09:00:00Z"));

        given().auth().oauth2(ADMIN).delete("/api/v1/sla/calendars/emea/overrides/2027-11-22").then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/v1/sla/calendars/emea/overrides/2027-11-23").then().statusCode(204);
        given().auth().oauth2(BOB).queryParam("start", "2027-11-22T08:00:00Z").queryParam("duration", "PT5H")
                .get("/api/v1/sla/calendars/emea/deadline").then().statusCode(200)
                .body("deadline", equalTo("2027-11-22T13:00:00Z"));
        given().auth().oauth2(ADMIN).delete("/api/v1/sla/calendars/emea/overrides/2027-11-22").then().statusCode(404);
    }

    @Test
    void shortenedDayWithoutHoursIsRejected() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"kind\": \"SHORTENED\"}")
                .put("/api/v1/sla/calendars/emea/overrides/2027-11-23").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"kind\": \"SOMETIMES\"}")
                .put("/api/v1/sla/calendars/emea/overrides/2027-11-23").then().statusCode(400);
    }

    @Test
    void onlyAdminsOverrideDatesAndEveryoneNeedsAToken() {
        given().auth().oauth2(SAM).contentType(ContentType.JSON).body("{\"kind\": \"CLOSED\"}")
                .put("/api/v1/sla/calendars/emea/overrides/2027-12-01").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/v1/sla/calendars").then().statusCode(401).contentType("application/problem+json");
    }

    // Found by RequestFuzzTest (seed 5571185262227305403): a date PostgreSQL cannot store was a 500.
    @Test
    void overrideOfADateOutsideTheCalendarYearsIsABadRequest() {
        given().auth().oauth2(ADMIN).delete("/api/v1/sla/calendars/americas/overrides/-1000000-01-01").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).delete("/api/v1/sla/calendars/americas/overrides/2100-01-01").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
