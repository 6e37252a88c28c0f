// A frontend's use of the typed client generated from the gateway's merged OpenAPI document
// (openapi-typescript + openapi-fetch). Compiled with tsc --strict by deploy/gateway/test-typescript.sh: it compiles only
// if the document declares the bodies, nullables and enums that the server really sends. Each `@ts-expect-error`
// below fails the compile when the declaration it guards is too loose (e.g. a plain string instead of an enum).
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

const api = createClient<paths>({ baseUrl: "http://localhost:8080" });

type Case = NonNullable<Awaited<ReturnType<typeof fileCase>>>;

export async function fileCase(token: string) {
  const { data, error, response } = await api.POST("/api/v1/cases", {
    headers: { Authorization: `Bearer ${token}` },
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    // both priority schemes are accepted: P1..P4 and CRITICAL, SEVERE, MODERATE, MINOR
    body: { product: "Cloud Mail", subject: "Mail delayed", description: "Queued for 30 minutes", priority: "SEVERE" },
  });
  if (error) {
    // every error answer is problem+json
    const status: number | undefined = error.status;
    throw new Error(`filing failed: ${status} ${error.title ?? ""}`);
  }
  // the 201 answer has the case as its body
  const id: string = data.id;
  const replayed: string | null = response.headers.get("Idempotent-Replayed");
  console.log(`filed ${data.number} (${id}), replayed: ${replayed ?? "false"}`);
  return data;
}

export function describe(c: Case): string {
  // nullable fields are declared as such: null until they are set
  const assignee: string | null = c.assignee;
  const resolvedAt: string | null = c.resolvedAt;
  const closedAt: string | null = c.closedAt;
  const rating: number | null = c.surveyRating;
  // @ts-expect-error assignee may be null
  const mustCheck: string = c.assignee;
  // states, priorities and channels are closed sets
  const state: "NEW" | "IN_PROGRESS" | "ACTION_REQUIRED" | "SOLUTION_PROVIDED" | "ON_HOLD" | "CLOSED" = c.state;
  // @ts-expect-error not a state
  const bogus: typeof c.state = "BOGUS";
  // @ts-expect-error not a channel
  const bogusChannel: typeof c.channel = "FAX";
  return [c.number, state, c.priority, assignee ?? "unassigned", resolvedAt, closedAt, rating, mustCheck, bogus,
    bogusChannel].join(" ");
}

export async function journey(token: string): Promise<string[]> {
  const headers = { Authorization: `Bearer ${token}` };
  const filed = await fileCase(token);
  const id = filed.id;

  // the first page of the caller's cases; nextCursor is null on the last page
  const page = await api.GET("/api/v1/cases", { headers, params: { query: { limit: 10 } } });
  if (page.error) throw new Error(page.error.detail ?? "list failed");
  const cursor: string | null = page.data.nextCursor;
  const numbers = page.data.items.map((c) => c.number);

  const comment = await api.POST("/api/v1/cases/{id}/comments", {
    headers,
    params: { path: { id } },
    body: { body: "Any news?" },
  });
  if (comment.error) throw new Error(comment.error.detail ?? "comment failed");
  const visibility: "PUBLIC" | "INTERNAL" = comment.data.visibility;

  const history = await api.GET("/api/v1/cases/{id}/history", { headers, params: { path: { id } } });
  if (history.error) throw new Error(history.error.detail ?? "history failed");
  const actions = history.data.map((entry) => `${entry.at} ${entry.action}`);

  const closed = await api.POST("/api/v1/cases/{id}/close", {
    headers,
    params: { path: { id } },
    body: { reason: "Fixed on our side" },
  });
  if (closed.error) throw new Error(closed.error.detail ?? "close failed");

  const rated = await api.POST("/api/v1/cases/{id}/survey", {
    headers,
    params: { path: { id } },
    body: { rating: 5, comment: "Quick and clear" },
  });
  if (rated.error) throw new Error(rated.error.detail ?? "survey failed");

  // @ts-expect-error the priority is an enum in requests too
  const wrong: NonNullable<paths["/api/v1/cases"]["post"]["requestBody"]>["content"]["application/json"]["priority"] = "URGENT";

  return [describe(closed.data), describe(rated.data), String(cursor), ...numbers, visibility, ...actions, String(wrong)];
}

type Schemas = components["schemas"];

// Every member the server always sends is required (a nullable one is `T | null`, never `T | undefined`); only the
// members it leaves out when they have no value are optional.
export function dashboard(sla: Schemas["CaseSlaResponse"], plan: Schemas["PlanResponse"],
  incident: Schemas["IncidentResponse"], product: Schemas["ProductResponse"], delivery: Schemas["DeliveryResponse"],
  webhook: Schemas["WebhookResponse"], deadline: Schemas["DeadlineResponse"]): string[] {
  const due: string | null = sla.targets[0]?.dueAt ?? null;
  const calendar: string = plan.calendar;
  const firstResponse: string | undefined = plan.targets[0]?.firstResponse;
  const title: string = incident.title;
  const end: string | null = incident.end;
  const updated: string = product.updated;
  const override: Schemas["StatusOverride"] | null = product.override;
  const sentAt: string | null = delivery.sentAt;
  const messageId: string | null = delivery.smtpMessageId;
  const description: string | null = webhook.description;
  const when: string = deadline.deadline;
  // @ts-expect-error summary is left out when the incident has none
  const summary: string = incident.summary;
  // @ts-expect-error the explanation is only there with explain=true
  const explanation: Schemas["ExplainedSegment"][] = deadline.explanation;
  // @ts-expect-error a delivery's Message-ID may be null (mails logged before it was recorded)
  const mustCheck: string = delivery.smtpMessageId;
  return [sla.plan, String(plan.version), calendar, String(firstResponse), title, String(end), updated,
    String(override?.reason), String(sentAt), String(messageId), String(description), when, summary,
    String(explanation.length), mustCheck, String(due)];
}
