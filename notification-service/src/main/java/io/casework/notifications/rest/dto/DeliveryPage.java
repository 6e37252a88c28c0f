package io.casework.notifications.rest.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of a case's delivery log, oldest first", requiredProperties = { "items", "nextCursor" })
public record DeliveryPage(
        List<DeliveryResponse> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}
