package dev.crmschema.compiler.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one. */
public final class DidYouMean {
    private DidYouMean() {}

    /** The candidate closest to {@code input}, if it is close enough to be a plausible typo. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lowered = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, input.length() / 3);
        for (String candidate : candidates.stream().sorted().toList()) {
            String loweredCandidate = candidate.toLowerCase(Locale.ROOT);
            // The distance is at least the difference in length: a candidate that far off cannot be
            // suggested, and skipping it keeps a huge input (a request's unknown key) from costing seconds.
            if (Math.abs(lowered.length() - loweredCandidate.length()) > allowed) {
                continue;
            }
            int distance = distance(lowered, loweredCandidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** A hint sentence ("did you mean 'x'?") or empty. */
    public static Optional<String> hint(String input, Collection<String> candidates) {
        return closest(input, candidates).map(c -> "did you mean '" + c + "'?");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
