package io.casework.cases.rest;

import io.casework.cases.domain.Case;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The small HTML pages of the survey link; every value from the case is escaped. */
final class SurveyPages {

    private SurveyPages() {
    }

    static String form(Case c, String token) {
        StringBuilder buttons = new StringBuilder();
        String[] labels = { "1 - Very dissatisfied", "2 - Dissatisfied", "3 - Neutral", "4 - Satisfied", "5 - Very satisfied" };
        for (int rating = 1; rating <= 5; rating++) {
            buttons.append("<button type=\"submit\" name=\"rating\" value=\"").append(rating).append("\">")
                    .append(labels[rating - 1]).append("</button>\n");
        }
        return page("How did we do?", """
                <h1>How did we do?</h1>
                <p>Case %s: %s</p>
                <form method="post" action="/api/v1/cases/%s/survey/signed?token=%s">
                <p><label for="comment">Anything to add? (optional)</label><br>
                <textarea id="comment" name="comment" rows="4" cols="60" maxlength="4000"></textarea></p>
                <p>%s</p>
                </form>
                """.formatted(escape(c.number), escape(c.subject), c.id, escape(token), buttons));
    }

    static String thanks(Case c) {
        return page("Thank you", """
                <h1>Thank you</h1>
                <p>Your rating of case %s (%d of 5) was recorded.</p>
                """.formatted(escape(c.number), c.surveyRating));
    }

    static Response refusal(int status, String title, String detail) {
        return Response.status(status)
                .entity(page(title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(detail) + "</p>\n"))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="robots" content="noindex"><title>%s - Casework Support</title></head>
                <body style="font-family: Arial, Helvetica, sans-serif;">
                %s</body>
                </html>
                """.formatted(escape(title), body);
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
