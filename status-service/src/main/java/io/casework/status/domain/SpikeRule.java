package io.casework.status.domain;

import java.util.List;

/**
 * When an hour's case count is a spike: above mean + k·σ of the same hour in previous weeks, and at least a
 * minimum count (so that a quiet product going from 0 to 2 cases is not an incident). Weeks without a
 * count had no cases. Pure, so that it can be tested on generated histories.
 */
public record SpikeRule(double sigmas, int minimumCases) {

    public record Verdict(boolean spike, double mean, double standardDeviation, double threshold) {
    }

    public Verdict judge(int cases, List<Integer> sameHourOfPreviousWeeks) {
        int n = sameHourOfPreviousWeeks.size();
        double mean = n == 0 ? 0 : sameHourOfPreviousWeeks.stream().mapToInt(Integer::intValue).average().orElse(0);
        double variance = n < 2 ? 0
                : sameHourOfPreviousWeeks.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum() / (n - 1);
        // Case counts vary at least like a Poisson count (σ ≥ √mean): a flat history must not make every extra
        // case a spike.
        double sd = Math.max(Math.sqrt(variance), Math.sqrt(mean));
        double threshold = Math.max(mean + sigmas * sd, minimumCases);
        // Strictly above the norm; a count equal to the minimum is enough to be flagged.
        boolean spike = cases >= minimumCases && cases > mean + sigmas * sd;
        return new Verdict(spike, mean, sd, threshold);
    }
}
