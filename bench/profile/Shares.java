import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shares of a collapsed CPU profile (one stack per line, frames joined by ";", then its sample count), as
 * bench/profile.sh writes it. Two views:
 * <ul>
 *   <li>{@code Shares FILE [REGEX] [TOP]}: per frame, the share of all samples whose stack holds it (each
 *       frame counted once per stack), for frames matching REGEX;</li>
 *   <li>{@code Shares FILE --under FRAME [DEPTH] [TOP]}: where the samples under the innermost frame containing
 *       FRAME go, by the DEPTH frames it calls.</li>
 * </ul>
 */
public final class Shares {
    private Shares() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/profile/Shares.java FILE [REGEX] [TOP] | FILE --under FRAME [DEPTH] [TOP]");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Map<String, Long> shares = new HashMap<>();
        long total = 0;
        boolean under = args.length > 1 && args[1].equals("--under");
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).trim());
            String[] frames = line.substring(0, space).split(";");
            total += samples;
            if (under) {
                addUnder(shares, frames, samples, args[2], args.length > 3 ? Integer.parseInt(args[3]) : 1);
            } else {
                Set<String> seen = new HashSet<>();
                for (String frame : frames) {
                    if (seen.add(frame)) {
                        shares.merge(frame, samples, Long::sum);
                    }
                }
            }
        }
        Pattern wanted = Pattern.compile(!under && args.length > 1 ? args[1] : "");
        int topAt = under ? 4 : 2; // FILE [REGEX] TOP, or FILE --under FRAME DEPTH TOP
        int top = args.length > topAt ? Integer.parseInt(args[topAt]) : 40;
        long all = total;
        System.out.printf("%d samples%n", all);
        shares.entrySet().stream()
                .filter(share -> under || wanted.matcher(share.getKey()).find())
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .forEach(share -> System.out.printf("%5.1f%% %s%n", 100.0 * share.getValue() / all, share.getKey()));
    }

    /** Adds the samples of one stack under the innermost frame containing {@code frame}, by what it calls. */
    private static void addUnder(Map<String, Long> shares, String[] frames, long samples, String frame, int depth) {
        for (int i = frames.length - 1; i >= 0; i--) {
            if (frames[i].contains(frame)) {
                int end = Math.min(frames.length, i + 1 + depth);
                String callees = i + 1 == end ? "(itself)" : String.join(" > ", List.of(frames).subList(i + 1, end));
                shares.merge(callees, samples, Long::sum);
                return;
            }
        }
    }
}
