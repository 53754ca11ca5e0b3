package dev.crmschema.runtime.request;

import dev.crmschema.compiler.model.ObjectType;
import dev.crmschema.runtime.errors.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * Collects the raw query parameters of {@code GET /rest/{plural}} and turns them into a checked
 * {@link FindManyRequest}. Each setter takes the parameter's raw value, {@code null} when absent;
 * nothing is parsed until {@link #build()}.
 */
public final class FindManyRequestBuilder {
    private final ObjectType object;
    private final FilterParser filterParser;
    private final OrderByParser orderByParser = new OrderByParser();
    private final CursorCodec cursorCodec = new CursorCodec();

    private String filter;
    private String orderBy;
    private String limit;
    private String startingAfter;
    private String endingBefore;
    private String depth;
    private String fields;

    public FindManyRequestBuilder(ObjectType object) {
        this(object, new FilterParser());
    }

    public FindManyRequestBuilder(ObjectType object, FilterParser filterParser) {
        this.object = object;
        this.filterParser = filterParser;
    }

    public FindManyRequestBuilder filter(String raw) {
        this.filter = raw;
        return this;
    }

    public FindManyRequestBuilder orderBy(String raw) {
        this.orderBy = raw;
        return this;
    }

    public FindManyRequestBuilder limit(String raw) {
        this.limit = raw;
        return this;
    }

    public FindManyRequestBuilder startingAfter(String raw) {
        this.startingAfter = raw;
        return this;
    }

    public FindManyRequestBuilder endingBefore(String raw) {
        this.endingBefore = raw;
        return this;
    }

    public FindManyRequestBuilder depth(String raw) {
        this.depth = raw;
        return this;
    }

    public FindManyRequestBuilder fields(String raw) {
        this.fields = raw;
        return this;
    }

    /** Parses every parameter; the first invalid one is refused with its 400. A blank filter means none. */
    public FindManyRequest build() {
        if (startingAfter != null && endingBefore != null) {
            throw ApiException.badRequest("'starting_after' and 'ending_before' cannot be used together");
        }
        Optional<Filter> parsedFilter =
                filter == null || filter.isBlank() ? Optional.empty() : Optional.of(filterParser.parse(object, filter));
        List<OrderItem> order = orderByParser.parse(object, orderBy);
        Page page = new Page(
                QueryParameters.limit(limit),
                Optional.ofNullable(startingAfter).map(c -> cursorCodec.decode(order, c)),
                Optional.ofNullable(endingBefore).map(c -> cursorCodec.decode(order, c)));
        Projection projection = new Projection(QueryParameters.depth(depth), QueryParameters.fields(object, fields));
        return new FindManyRequest(object, parsedFilter, order, page, projection);
    }
}
