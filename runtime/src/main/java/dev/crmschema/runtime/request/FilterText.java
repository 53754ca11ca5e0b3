package dev.crmschema.runtime.request;

import dev.crmschema.runtime.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lexical layer of the REST filter grammar (reference contract, section 1.4): which characters are
 * quoted, where top-level items end, which parentheses match, and how values lose their quotes.
 *
 * <p>A quote only opens a quoted run where a value can start (after {@code :}, {@code ,}, {@code [} or
 * {@code (}), so an apostrophe inside an unquoted value ({@code O'Brien}) is just a character.
 */
final class FilterText {
    private static final Pattern CONJUNCTION_START = Pattern.compile("^(and|or|not)\\(");

    private FilterText() {}

    /** Refuses unbalanced parentheses and unclosed quotes before any parsing starts. */
    static void checkBalanced(String text) {
        Scan scan = scan(text);
        if (scan.unclosedQuote()) {
            throw ApiException.badRequest("'filter' invalid. A quote is not closed in the query");
        }
        boolean[] quoted = scan.quoted();
        int open = 0;
        int close = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!quoted[i] && text.charAt(i) == '(') {
                open++;
            } else if (!quoted[i] && text.charAt(i) == ')') {
                close++;
            }
        }
        if (open != close) {
            int missing = Math.abs(open - close);
            throw ApiException.badRequest("'filter' invalid. " + missing + (open > close ? " close" : " open")
                    + (missing == 1 ? " bracket is" : " brackets are") + " missing in the query");
        }
    }

    /** True when {@code text} is exactly {@code and(…)}, {@code or(…)} or {@code not(…)}. */
    static boolean isConjunction(String text) {
        if (!CONJUNCTION_START.matcher(text).find()) {
            return false;
        }
        return matchingParen(text, text.indexOf('(')) == text.length() - 1;
    }

    /** Splits at commas outside quotes, square brackets and parentheses; items are trimmed. */
    static List<String> splitTopLevel(String text) {
        boolean[] quoted = quotedMask(text);
        List<String> items = new ArrayList<>();
        int parens = 0;
        int squares = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (quoted[i]) {
                continue;
            }
            char c = text.charAt(i);
            if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens--;
            } else if (c == '[') {
                squares++;
            } else if (c == ']' && squares > 0) {
                squares--;
            } else if (c == ',' && parens == 0 && squares == 0) {
                items.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        items.add(text.substring(start).trim());
        return items;
    }

    /** Removes one pair of surrounding double or single quotes. */
    static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    private static int matchingParen(String text, int open) {
        boolean[] quoted = quotedMask(text);
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (quoted[i]) {
                continue;
            }
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean[] quotedMask(String text) {
        return scan(text).quoted();
    }

    /** Which characters are inside a quoted run (quotes included), and whether the last run is left open. */
    private record Scan(boolean[] quoted, boolean unclosedQuote) {}

    private static Scan scan(String text) {
        boolean[] mask = new boolean[text.length()];
        char quote = 0;
        char previous = '(';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                mask[i] = true;
                if (c == quote) {
                    quote = 0;
                    previous = c;
                }
            } else if ((c == '"' || c == '\'') && ":,[(".indexOf(previous) >= 0) {
                mask[i] = true;
                quote = c;
            } else if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        return new Scan(mask, quote != 0);
    }
}
