package dev.crmschema.runtime.query;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is writing: fills a created record's {@code createdBy} sub-fields that the input leaves out
 * (reference contract, section 1.6). API keys write as {@code source=API} with the key's name; users
 * as {@code MANUAL} with their workspace member id.
 */
public record Actor(String source, Optional<UUID> workspaceMemberId, String name) {

    public static Actor apiKey(String keyName) {
        return new Actor("API", Optional.empty(), keyName);
    }

    public static Actor member(UUID workspaceMemberId, String name) {
        return new Actor("MANUAL", Optional.of(workspaceMemberId), name);
    }
}
