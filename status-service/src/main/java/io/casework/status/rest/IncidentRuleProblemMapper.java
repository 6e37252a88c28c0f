package io.casework.status.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.casework.status.domain.IncidentRuleException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** Incident rule refusals as RFC 9457 problems, with the rule's extra members (e.g. the unknown product ids). */
public class IncidentRuleProblemMapper {

    @ServerExceptionMapper
    Response refused(IncidentRuleException e) {
        HttpProblem.Builder problem = HttpProblem.builder()
                .withStatus(e.kind().status)
                .withTitle(e.title())
                .withDetail(e.getMessage());
        e.parameters().forEach(problem::with);
        return problem.build().toResponse();
    }
}
