package dev.crmschema.runtime.request;

/** The four ordering directions of the contract; nulls placement is explicit in each. */
public enum OrderDirection {
    AscNullsFirst(true, true),
    AscNullsLast(true, false),
    DescNullsFirst(false, true),
    DescNullsLast(false, false);

    private final boolean ascending;
    private final boolean nullsFirst;

    OrderDirection(boolean ascending, boolean nullsFirst) {
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    public boolean ascending() {
        return ascending;
    }

    public boolean nullsFirst() {
        return nullsFirst;
    }

    /** The direction that walks the same order backwards (for {@code ending_before} / {@code last}). */
    public OrderDirection reversed() {
        return switch (this) {
            case AscNullsFirst -> DescNullsLast;
            case AscNullsLast -> DescNullsFirst;
            case DescNullsFirst -> AscNullsLast;
            case DescNullsLast -> AscNullsFirst;
        };
    }
}
