package io.casework.sla.domain.calendar;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An SLA duration as written in ISO-8601 ({@code P1DT4H}), keeping its days apart from its hours: on a business
 * calendar {@code P1D} is one business day (that calendar's standard working-day length), not 24 hours, so
 * {@link Duration#parse} (which folds days into hours) cannot carry it. Years, months and weeks are refused: they
 * have no business meaning that all calendars share.
 */
@Schema(name = "BusinessDuration", type = SchemaType.STRING, description = "ISO-8601 days and time (PnDTnHnMnS: no "
        + "years, months or weeks); on a business calendar P1D is one working day", examples = "P1DT4H")
public record BusinessDuration(long days, Duration time) implements Comparable<BusinessDuration> {

    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d{1,6})D)?(?:T(?=\\d)(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,12}(?:\\.\\d{1,9})?)S)?)?");

    public static final BusinessDuration ZERO = new BusinessDuration(0, Duration.ZERO);

    public BusinessDuration {
        if (days < 0 || time == null || time.isNegative()) {
            throw new IllegalArgumentException("A business duration is not negative");
        }
    }

    public static BusinessDuration ofDays(long days) {
        return new BusinessDuration(days, Duration.ZERO);
    }

    public static BusinessDuration of(Duration time) {
        return new BusinessDuration(0, time);
    }

    /** Parses {@code PnDTnHnMnS} (each part optional, at least one present). */
    @JsonCreator
    public static BusinessDuration parse(String text) {
        Matcher m = text == null ? null : ISO.matcher(text.trim());
        if (m == null || !m.matches() || text.trim().equals("P")) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration of days and time such as "
                    + "PT4H, P1D or P2DT4H30M (years, months, weeks and signs are not accepted)");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        Duration time = Duration.ZERO;
        if (m.group(2) != null) {
            time = time.plusHours(Long.parseLong(m.group(2)));
        }
        if (m.group(3) != null) {
            time = time.plusMinutes(Long.parseLong(m.group(3)));
        }
        if (m.group(4) != null) {
            BigDecimal seconds = new BigDecimal(m.group(4));
            time = time.plusSeconds(seconds.longValue())
                    .plusNanos(seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return new BusinessDuration(days, time);
    }

    public boolean isZero() {
        return days == 0 && time.isZero();
    }

    /** Length on a calendar whose business day lasts {@code dayLength}. */
    public long toNanos(Duration dayLength) {
        return Math.addExact(Math.multiplyExact(days, dayLength.toNanos()), time.toNanos());
    }

    public Duration toDuration(Duration dayLength) {
        return Duration.ofNanos(toNanos(dayLength));
    }

    /** A share of this duration (e.g. 0.75 for the warning threshold), on a calendar with that day length. */
    public long shareNanos(Duration dayLength, double share) {
        return Math.round(toNanos(dayLength) * share);
    }

    @JsonValue
    @Override
    public String toString() {
        if (isZero()) {
            return "PT0S";
        }
        StringBuilder text = new StringBuilder("P");
        if (days > 0) {
            text.append(days).append('D');
        }
        if (!time.isZero()) {
            text.append(time.toString().substring(1)); // Duration prints PT..; keep its T part
        }
        return text.toString();
    }

    /** Orders by days first, then time: meaningful within one calendar, which is all a plan compares. */
    @Override
    public int compareTo(BusinessDuration other) {
        int byDays = Long.compare(days, other.days);
        return byDays != 0 ? byDays : time.compareTo(other.time);
    }
}
