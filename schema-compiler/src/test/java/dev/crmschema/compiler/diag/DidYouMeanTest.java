package dev.crmschema.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> NAMES = List.of("name", "domainName", "employees", "annualRecurringRevenue", "people");

    @Test
    void suggestsTheClosestNameWithinATypoDistance() {
        assertEquals(Optional.of("employees"), DidYouMean.closest("employes", NAMES));
        assertEquals(Optional.of("domainName"), DidYouMean.closest("DomainNme", NAMES));
        assertEquals(Optional.of("name"), DidYouMean.closest("nam", NAMES));
        assertEquals(Optional.empty(), DidYouMean.closest("xyz", NAMES));
    }

    @Test
    void aHugeInputIsAnsweredAtOnce() {
        // a request may carry a key of a megabyte; comparing it with every name cost seconds of CPU
        String huge = "k".repeat(1_000_000);
        assertEquals(Optional.empty(), assertTimeoutPreemptively(Duration.ofSeconds(1), () -> DidYouMean.closest(huge, NAMES)));
    }
}
