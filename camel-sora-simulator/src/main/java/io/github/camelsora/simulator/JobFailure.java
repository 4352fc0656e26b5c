package io.github.camelsora.simulator;

/** The {@code error{code,message}} a job reports when it ends {@code failed}. */
record JobFailure(String code, String message) {
}
