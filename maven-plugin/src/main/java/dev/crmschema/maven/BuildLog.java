package dev.crmschema.maven;

/** Where the build reports progress; the Mojos pass Maven's log, tests collect the lines. */
@FunctionalInterface
public interface BuildLog {
    void info(String line);
}
