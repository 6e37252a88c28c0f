package io.casework.status.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The detection rule on generated histories: hourly case counts are Poisson-like around a product's usual rate. */
class SpikeRuleTest {

    static final SpikeRule RULE = new SpikeRule(3, 10);
    static final int HOURS = 5_000;

    @Test
    void normalVariationIsAlmostNeverFlagged() {
        Random random = new Random(42);
        int flagged = 0;
        for (int i = 0; i < HOURS; i++) {
            double rate = 1 + random.nextDouble() * 59;
            List<Integer> history = IntStream.range(0, 4).mapToObj(w -> poisson(random, rate)).toList();
            flagged += RULE.judge(poisson(random, rate), history).spike() ? 1 : 0;
        }
        assertTrue(flagged < HOURS / 100, flagged + " of " + HOURS + " ordinary hours flagged");
    }

    @Test
    void weekToWeekDriftIsNotASpike() {
        Random random = new Random(7);
        int flagged = 0;
        for (int i = 0; i < HOURS; i++) {
            double rate = 1 + random.nextDouble() * 59;
            List<Integer> history = IntStream.range(0, 4).mapToObj(w -> poisson(random, rate * drift(random))).toList();
            flagged += RULE.judge(poisson(random, rate * drift(random)), history).spike() ? 1 : 0;
        }
        assertTrue(flagged < HOURS * 2 / 100, flagged + " of " + HOURS + " drifting hours flagged");
    }

    @Test
    void aSurgeOfCasesIsCaught() {
        Random random = new Random(3);
        int caught = 0;
        for (int i = 0; i < HOURS; i++) {
            double rate = 1 + random.nextDouble() * 59;
            List<Integer> history = IntStream.range(0, 4).mapToObj(w -> poisson(random, rate)).toList();
            caught += RULE.judge(poisson(random, rate * 4 + 10), history).spike() ? 1 : 0;
        }
        assertTrue(caught > HOURS * 99 / 100, caught + " of " + HOURS + " surges caught");
    }

    @Test
    void fewCasesAreNeverASpikeEvenOnAQuietProduct() {
        assertFalse(RULE.judge(9, List.of(0, 0, 0, 0)).spike());
        assertTrue(RULE.judge(10, List.of(0, 0, 0, 0)).spike());
        assertFalse(RULE.judge(10, List.of()).spike() && RULE.judge(9, List.of()).spike());
    }

    @Test
    void aFlatHistoryStillAllowsPoissonNoise() {
        // σ of 10,10,10,10 is 0, but counts of 10 vary by about √10: 15 is ordinary, 30 is not.
        assertFalse(RULE.judge(15, List.of(10, 10, 10, 10)).spike());
        assertTrue(RULE.judge(30, List.of(10, 10, 10, 10)).spike());
    }

    static double drift(Random random) {
        return 0.8 + random.nextDouble() * 0.4;
    }

    /** Knuth's method: fine for the small rates of hourly case counts. */
    static int poisson(Random random, double rate) {
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
