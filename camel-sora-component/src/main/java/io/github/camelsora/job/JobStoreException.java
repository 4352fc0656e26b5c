package io.github.camelsora.job;

import io.github.camelsora.api.SoraException;

/** The job store could not be read or written. */
public class JobStoreException extends SoraException {

    public JobStoreException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
