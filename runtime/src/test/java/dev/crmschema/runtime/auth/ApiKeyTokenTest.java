package dev.crmschema.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeyTokenTest {
    private static final String ID = "0123456789abcdef0f1e2d3c4b5a6978";
    private static final String SECRET = "AZaz09_-" + "x".repeat(35);

    @Test
    void generatedTokensParseBackToTheirIdAndSecret() {
        UUID id = UUID.randomUUID();
        ApiKeyToken token = ApiKeyToken.generate(id);
        assertEquals(Optional.of(token), ApiKeyToken.parse(token.value()));
    }

    @Test
    void readsTheIdAsHexAndKeepsTheSecret() {
        ApiKeyToken token = ApiKeyToken.parse("crm_" + ID + "_" + SECRET).orElseThrow();
        assertEquals(UUID.fromString("01234567-89ab-cdef-0f1e-2d3c4b5a6978"), token.keyId());
        assertEquals(SECRET, token.secret());
    }

    static Stream<String> malformed() {
        return Stream.of(
                "",
                "crm_",
                "crm_" + ID + "_" + SECRET + "x",                          // secret too long
                "crm_" + ID + "_x",                                        // secret too short
                "CRM_" + ID + "_" + SECRET,                                // the prefix is case-sensitive
                "crm_0123456789ABCDEF0f1e2d3c4b5a6978_" + SECRET,          // upper-case hex
                "crm_0123456789abcdeg0f1e2d3c4b5a6978_" + SECRET,          // not hex
                "crm_" + "\u0661".repeat(32) + "_" + SECRET,              // digits of another script
                "crm_" + ID + "-" + SECRET,                                // wrong separator
                "crm_" + ID + "_AZaz09_+" + "x".repeat(35),                // '+' is not base64url
                "crm_" + ID + "_AZaz09_=" + "x".repeat(35),                // no padding
                "crm_" + ID + "_" + "\u00e9".repeat(43));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesAnythingElse(String token) {
        assertTrue(ApiKeyToken.parse(token).isEmpty(), token);
    }
}
