package io.casework.cases.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.casework.cases.domain.CaseRuleException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** Business rule refusals as RFC 9457 problems, with the rule's extra members (e.g. where to file a follow-up). */
public class CaseRuleProblemMapper {

    @ServerExceptionMapper
    Response refused(CaseRuleException e) {
        HttpProblem.Builder problem = HttpProblem.builder()
                .withStatus(e.kind().status)
                .withTitle(e.title())
                .withDetail(e.getMessage());
        e.parameters().forEach(problem::with);
        return problem.build().toResponse();
    }
}
