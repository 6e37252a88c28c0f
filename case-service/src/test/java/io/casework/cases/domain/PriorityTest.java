package io.casework.cases.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Priorities without Quarkus: one level, two schemes (P1..P4 and CRITICAL..MINOR), never a silent default. */
class PriorityTest {

    @Test
    void bothSchemesNameTheSameFourLevels() {
        assertEquals(List.of(Priority.P1, Priority.P2, Priority.P3, Priority.P4),
                List.of(Priority.parse("CRITICAL"), Priority.parse("SEVERE"), Priority.parse("MODERATE"), Priority.parse("MINOR")));
        for (Priority priority : Priority.values()) {
            assertEquals(priority, Priority.parse(priority.code()));
            assertEquals(priority, Priority.parse(priority.severity()));
            assertEquals(priority.ordinal() + 1, priority.level());
            assertEquals("P" + priority.level(), priority.code());
        }
    }

    @Test
    void parsingIgnoresCaseAndSurroundingSpace() {
        assertEquals(Priority.P1, Priority.parse(" p1 "));
        assertEquals(Priority.P2, Priority.parse("Severe"));
        assertEquals(Priority.P4, Priority.parse("minor\t"));
    }

    @Test
    void anythingElseIsRefusedWithTheAcceptedValues() {
        for (String bad : new String[] { null, "", "P0", "P5", "HIGH", "1", "P 1" }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Priority.parse(bad),
                    "'" + bad + "' must be refused");
            assertTrue(refused.getMessage().contains("P1..P4 or CRITICAL, SEVERE, MODERATE, MINOR"), refused.getMessage());
        }
    }
}
