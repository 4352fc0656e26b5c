package io.github.camelsora.simulator;

import java.util.List;

/**
 * A create request as read from JSON or multipart, type-checked but not yet value-checked.
 * Null fields were absent.
 *
 * @param referenceImage bytes of an uploaded file or a data: URL, when the request carries one
 * @param characterIds   ids from {@code characters}; accepted and otherwise ignored
 */
record CreateVideoRequest(String prompt, String model, String seconds, String size, byte[] referenceImage,
                          List<String> characterIds) {
}
