package dev.anneal.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"anneal " + number() + " (Java " + Runtime.version() + ")"};
    }

    /** Anneal's version, as runs record it. */
    static String number() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
