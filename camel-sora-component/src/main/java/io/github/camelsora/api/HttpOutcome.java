package io.github.camelsora.api;

/** What every response consumer reports, so one redirect loop serves them all. */
interface HttpOutcome {

    int status();

    String location();
}
