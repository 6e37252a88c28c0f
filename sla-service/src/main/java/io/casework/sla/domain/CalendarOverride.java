package io.casework.sla.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import io.casework.sla.domain.calendar.DateOverride;
import io.casework.sla.domain.calendar.OverrideKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An administrator's date override of a calendar, as stored. */
@Entity
@Table(name = "calendar_override")
@IdClass(CalendarOverride.Key.class)
public class CalendarOverride extends PanacheEntityBase {

    public record Key(String calendarId, LocalDate day) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "calendar_id")
    public String calendarId;

    @Id
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OverrideKind kind;

    public LocalTime opens;

    public LocalTime closes;

    public String reason;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public DateOverride toDomain() {
        return new DateOverride(day, kind, opens, closes, reason);
    }
}
