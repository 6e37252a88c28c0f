package io.casework.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    @ParameterizedTest
    @CsvSource({ "P1,P1", "critical,P1", "P2,P2", "Severe,P2", "p3,P3", "MODERATE,P3", "P4,P4", " minor ,P4" })
    void bothNamingSchemesNameTheSameLevel(String name, Priority expected) {
        assertEquals(expected, Priority.parse(name));
    }

    @Test
    void unknownPriorityIsAnErrorNotADefault() {
        assertThrows(IllegalArgumentException.class, () -> Priority.parse("URGENT"));
        assertThrows(IllegalArgumentException.class, () -> Priority.parse("P5"));
        assertThrows(IllegalArgumentException.class, () -> Priority.parse(null));
    }

    @Test
    void levelsRunFromOneForCriticalToFourForMinor() {
        assertEquals(1, Priority.P1.level());
        assertEquals("CRITICAL", Priority.P1.severity());
        assertEquals(4, Priority.P4.level());
        assertEquals("MINOR", Priority.P4.severity());
    }
}
