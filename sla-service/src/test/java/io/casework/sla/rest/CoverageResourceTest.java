package io.casework.sla.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.casework.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CoverageResourceTest {

    static final String BOB = Tokens.of("bob@acme.example", "acme", "customer");

    private static ValidatableResponse coverage(String channel, String language, String at) {
        return given().auth().oauth2(BOB).queryParam("channel", channel).queryParam("language", language)
                .queryParam("at", at).get("/api/v1/sla/coverage").then();
    }

    @Test
    void englishChatIsOpenRoundTheClockEvenOnChristmasNight() {
        coverage("chat", "en", "2026-12-25T03:00:00Z").statusCode(200)
                .body("open", equalTo(true))
                .body("nextOpening", nullValue())
                .body("closesAt", nullValue())
                .body("team", equalTo("global-en"))
                .body("calendar", equalTo("24x7"))
                .body("hours", equalTo("24/7"));
    }

    @Test
    void japaneseChatOnSaturdayOpensMondayAtNineTokyoTime() {
        // Saturday 21 November 2026 12:00 JST.
        coverage("chat", "ja", "2026-11-21T03:00:00Z").statusCode(200)
                .body("open", equalTo(false))
                .body("nextOpening", equalTo("2026-11-23T00:00:00Z"))
                .body("closesAt", nullValue())
                .body("team", equalTo("ja-tokyo"))
                .body("calendar", equalTo("chat-ja"))
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("hours", containsString("09:00–18:00"));
    }

    @Test
    void japaneseChatDuringTokyoOfficeHoursIsOpenUntilSix() {
        // Monday 23 November 2026 10:00 JST.
        coverage("chat", "ja-JP", "2026-11-23T01:00:00Z").statusCode(200)
                .body("open", equalTo(true))
                .body("nextOpening", nullValue())
                .body("closesAt", equalTo("2026-11-23T09:00:00Z"))
                .body("language", equalTo("ja"));
    }

    @Test
    void spanishChatReopensAtSixPacificDaylightTimeAfterTheSpringDstChange() {
        // Saturday 7 March 2026 (PST, UTC-8); clocks go forward on Sunday 8 March, so Monday 06:00 is PDT (UTC-7).
        coverage("chat", "es", "2026-03-07T12:00:00Z").statusCode(200)
                .body("open", equalTo(false))
                .body("nextOpening", equalTo("2026-03-09T13:00:00Z"));
        // Friday 6 March 05:30 PST: the same opening hour is 14:00Z before the change.
        coverage("chat", "es", "2026-03-06T13:30:00Z").statusCode(200)
                .body("open", equalTo(false))
                .body("nextOpening", equalTo("2026-03-06T14:00:00Z"));
        coverage("chat", "es", "2026-03-09T13:00:00Z").statusCode(200)
                .body("open", equalTo(true))
                .body("closesAt", equalTo("2026-03-10T04:00:00Z"));
    }

    @Test
    void spanishChatClosesAtNinePacificOnTheFridayBeforeTheAutumnDstChange() {
        // Friday 30 October 2026 20:59 PDT is open until 21:00 PDT (04:00Z); Monday 2 November 06:00 is PST (14:00Z).
        coverage("chat", "es", "2026-10-31T03:59:00Z").statusCode(200)
                .body("open", equalTo(true))
                .body("closesAt", equalTo("2026-10-31T04:00:00Z"));
        coverage("chat", "es", "2026-10-31T04:00:00Z").statusCode(200)
                .body("open", equalTo(false))
                .body("nextOpening", equalTo("2026-11-02T14:00:00Z"));
    }

    @Test
    void frenchPhoneIsTheEmeaTeamWhichIsClosedOnBoxingDayObserved() {
        // Monday 28 December 2026: Boxing Day (Saturday 26) observed in England; opens Tuesday 08:00 London (GMT).
        coverage("phone", "fr", "2026-12-28T10:00:00Z").statusCode(200)
                .body("open", equalTo(false))
                .body("team", equalTo("emea"))
                .body("calendar", equalTo("emea"))
                .body("nextOpening", equalTo("2026-12-29T08:00:00Z"))
                .body("source", containsString("assumption"));
    }

    @Test
    void hebrewPhoneIsAnsweredOnSunday() {
        // Sunday 22 November 2026 10:00 Jerusalem (UTC+2).
        coverage("phone", "he", "2026-11-22T08:00:00Z").statusCode(200)
                .body("open", equalTo(true))
                .body("team", equalTo("israel"));
    }

    @Test
    void phoneIsOfferedInFourteenLanguagesAndChatInThree() {
        given().auth().oauth2(BOB).get("/api/v1/sla/coverage/lines").then().statusCode(200)
                .body("findAll { it.channel == 'phone' }", hasSize(14))
                .body("findAll { it.channel == 'chat' }.language", equalTo(java.util.List.of("en", "es", "ja")))
                .body("findAll { it.channel == 'phone' }.language", hasItems("en", "es", "ja", "fr", "nl"));
    }

    @Test
    void withoutAnInstantCoverageIsAnsweredForNow() {
        given().auth().oauth2(BOB).queryParam("channel", "chat").queryParam("language", "es")
                .get("/api/v1/sla/coverage").then().statusCode(200)
                .body("at", notNullValue());
    }

    @Test
    void unknownChannelIsABadRequest() {
        coverage("fax", "en", "2026-11-21T03:00:00Z").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("chat or phone"));
    }

    @Test
    void chatInALanguageNotOfferedIsABadRequest() {
        coverage("chat", "fr", "2026-11-21T03:00:00Z").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("en, es, ja"));
        coverage("phone", "xx", "2026-11-21T03:00:00Z").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingLanguageAndMalformedInstantAreBadRequests() {
        given().auth().oauth2(BOB).queryParam("channel", "chat").get("/api/v1/sla/coverage").then().statusCode(400)
                .contentType("application/problem+json");
        coverage("chat", "en", "tomorrow").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void coverageNeedsAToken() {
        given().queryParam("channel", "chat").queryParam("language", "en").get("/api/v1/sla/coverage").then()
                .statusCode(401).contentType("application/problem+json");
    }
}
