package io.casework.cases.rest;

import io.casework.testsupport.openapi.OpenApiDocumentContract;
import io.quarkus.test.junit.QuarkusTest;

/** case-service's OpenAPI document keeps the contract rules, and every answer in this module's tests is checked against it. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentContract {
}
