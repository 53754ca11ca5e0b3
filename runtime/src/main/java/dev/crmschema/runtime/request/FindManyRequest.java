package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.ObjectType;
import java.util.List;
import java.util.Optional;

/** A parsed list request, shared by {@code GET /rest/{plural}} and GraphQL connection fields. */
public record FindManyRequest(
        ObjectType object, Optional<Filter> filter, List<OrderItem> order, Page page, Projection projection) {}
