package io.github.camelsora;

/** Lets tests in other packages add rows to the reliability figures. */
public final class ReliabilityFiguresAccess {

    private ReliabilityFiguresAccess() {
    }

    public static void record(String scenario, int jobs, int creates, int delivered, int duplicates, int lost) {
        ReliabilityFigures.record(scenario, jobs, creates, delivered, duplicates, lost);
    }
}
