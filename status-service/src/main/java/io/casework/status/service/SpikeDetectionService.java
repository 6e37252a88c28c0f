package io.casework.status.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.casework.messaging.outbox.EventOutbox;
import io.casework.status.config.StatusConfig;
import io.casework.status.domain.Incident;
import io.casework.status.domain.Product;
import io.casework.status.domain.Severity;
import io.casework.status.domain.SpikeRule;
import io.casework.status.messaging.event.SpikeDetected;
import io.casework.status.persistence.CaseRateRepository;
import io.casework.status.persistence.CaseSpikeRepository;
import io.casework.status.persistence.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Support detects incidents when a product's hourly case rate is above its norm (seed 002): the norm is the same
 * hour of the week over the previous weeks, so that Monday mornings are compared with Monday mornings.
 */
@ApplicationScoped
public class SpikeDetectionService {

    private static final Logger LOG = Logger.getLogger(SpikeDetectionService.class);
    private static final Duration WEEK = Duration.ofDays(7);

    private final CaseRateRepository rates;
    private final CaseSpikeRepository spikes;
    private final ProductRepository products;
    private final IncidentService incidents;
    private final EventOutbox outbox;
    private final StatusConfig.Spike config;
    private final SpikeRule rule;

    SpikeDetectionService(CaseRateRepository rates, CaseSpikeRepository spikes, ProductRepository products,
            IncidentService incidents, EventOutbox outbox, StatusConfig config) {
        this.rates = rates;
        this.spikes = spikes;
        this.products = products;
        this.incidents = incidents;
        this.outbox = outbox;
        this.config = config.spike();
        this.rule = new SpikeRule(this.config.sigmas(), this.config.minimumCases());
    }

    /**
     * Judges the product's (rate key's) count in {@code hourStart}; the first time the hour is a spike, flags it,
     * drafts an incident for a catalogue product, and sends spike-detected. Runs in the transaction that counted
     * the case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SpikeDetected> evaluate(String rateKey, Instant hourStart) {
        List<Instant> hours = new ArrayList<>(config.weeks() + 1);
        hours.add(hourStart);
        for (int week = 1; week <= config.weeks(); week++) {
            hours.add(hourStart.minus(WEEK.multipliedBy(week)));
        }
        Map<Instant, Integer> counts = rates.counts(rateKey, hours);
        int cases = counts.getOrDefault(hourStart, 0);
        List<Integer> history = hours.subList(1, hours.size()).stream().map(h -> counts.getOrDefault(h, 0)).toList();
        SpikeRule.Verdict verdict = rule.judge(cases, history);
        if (!verdict.spike()) {
            return Optional.empty();
        }
        Instant now = IncidentService.now();
        if (!spikes.claim(rateKey, hourStart, cases, verdict.threshold(), now)) {
            return Optional.empty();
        }
        Product product = products.findById(rateKey);
        Incident draft = null;
        if (product != null) {
            draft = incidents.draft(new IncidentService.Draft("Unusual number of cases for " + product.name,
                    "%d cases were opened for %s in the hour from %s, above its norm of %.1f ± %.1f for that hour (previous %d weeks). Confirm and publish if this is an incident."
                            .formatted(cases, product.name, hourStart, verdict.mean(), verdict.standardDeviation(),
                                    config.weeks()),
                    Severity.MEDIUM, product, hourStart));
            spikes.find(rateKey, hourStart).incidentId = draft.id;
        }
        SpikeDetected event = new SpikeDetected(rateKey, product == null ? null : product.name, hourStart, cases,
                verdict.mean(), verdict.standardDeviation(), verdict.threshold(), config.weeks(),
                draft == null ? null : draft.id, draft == null ? null : draft.number, now);
        outbox.record(SpikeDetected.TYPE, rateKey, event);
        LOG.infof("Case spike for %s at %s: %d cases (threshold %.1f)", rateKey, hourStart, cases, verdict.threshold());
        return Optional.of(event);
    }
}
